import type { GlobalConfig } from 'payload'

import { isStaffUser } from '@/access/roles'
import { DEFAULT_REPORT_RULES } from '@/domain/trust/reportRules'
import { DEFAULT_TRUST_RULES } from '@/domain/trust/trustLevel'

const staff = ({ req: { user } }: { req: { user: unknown } }) => isStaffUser(user as never)
const number = (name: string, defaultValue: number, description: string, min = 0) =>
  ({ name, type: 'number', required: true, min, defaultValue, admin: { description } }) as const

/**
 * The rules of automatic moderation, which staff tune in the admin. Defaults after Discourse's: flags
 * weighted by the flagger's trust level, a post hidden once their score crosses a threshold.
 */
export const ModerationSettings: GlobalConfig = {
  slug: 'moderation-settings',
  label: 'Moderation settings',
  admin: { group: 'Operations' },
  access: { read: staff, update: staff },
  fields: [
    {
      name: 'reports',
      type: 'group',
      fields: [
        number('hideScore', DEFAULT_REPORT_RULES.hideScore, 'Content is hidden once the open reports on it weigh this much', 0.5),
        number('minReporters', DEFAULT_REPORT_RULES.minReporters, 'and come from at least this many members', 1),
        {
          name: 'weights',
          type: 'group',
          admin: { description: "What one report weighs, by the reporter's trust level" },
          fields: [
            {
              type: 'row',
              fields: [
                number('level0', DEFAULT_REPORT_RULES.weights[0], 'New'),
                number('level1', DEFAULT_REPORT_RULES.weights[1], 'Basic'),
                number('level2', DEFAULT_REPORT_RULES.weights[2], 'Member'),
                number('level3', DEFAULT_REPORT_RULES.weights[3], 'Regular'),
                number('level4', DEFAULT_REPORT_RULES.weights[4], 'Leader (staff)'),
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'trust',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            number('basicMinAgeDays', DEFAULT_TRUST_RULES.basic.minAgeDays, 'Level 1: days since sign-up'),
            number('memberMinAgeDays', DEFAULT_TRUST_RULES.member.minAgeDays, 'Level 2: days since sign-up'),
            number('memberMinPoints', DEFAULT_TRUST_RULES.member.minPoints, 'Level 2: points (or a verified licence)'),
          ],
        },
        {
          type: 'row',
          fields: [
            number('regularMinAgeDays', DEFAULT_TRUST_RULES.regular.minAgeDays, 'Level 3: days since sign-up (verified doctors)'),
            number('regularMinPoints', DEFAULT_TRUST_RULES.regular.minPoints, 'Level 3: points'),
            number('upheldReportsForNew', DEFAULT_TRUST_RULES.upheldReportsForNew, 'Upheld reports that put a member back to level 0', 1),
          ],
        },
      ],
    },
  ],
}
