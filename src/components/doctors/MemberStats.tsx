import type { User } from '../../../payload-types'

/** A member's level, points and login streak, as on profiles. */
export function MemberStats({ member, label }: { member: Pick<User, 'level' | 'points' | 'loginStreak'>; label?: string }) {
  return (
    <dl className="stats" aria-label={label}>
      <div>
        <dt>Level</dt>
        <dd>{member.level ?? 1}</dd>
      </div>
      <div>
        <dt>Points</dt>
        <dd>{(member.points ?? 0).toLocaleString('en')}</dd>
      </div>
      <div>
        <dt>Streak</dt>
        <dd>
          {member.loginStreak ?? 0}
          <span className="visually-hidden"> days</span>
        </dd>
      </div>
    </dl>
  )
}
