import { createHash } from 'node:crypto'
import { z } from 'zod'

import type { Completeness, ProfileFacts } from './profile'

/**
 * An optional, personalised profile tip from a language model behind an OpenAI-compatible chat
 * completions endpoint (OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL). Only public profile content
 * and the list of missing items are sent: never email, phone, licence number or location. Without
 * configuration, or on any failure or timeout, the answer is null and the local suggestions stand.
 */

const Completion = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) })

const HOUR = 60 * 60 * 1000
const cache = new Map<string, { text: string | null; until: number }>()
const MAX_CACHED = 1000

export type ModelSettings = { baseUrl: string; apiKey?: string; model: string; timeoutMs: number }

export function modelSettings(env: NodeJS.ProcessEnv = process.env): ModelSettings | null {
  const baseUrl = env.OPENAI_BASE_URL?.trim()
  if (!baseUrl) return null
  const timeout = Number(env.OPENAI_TIMEOUT_MS)
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey: env.OPENAI_API_KEY?.trim() || undefined,
    model: env.OPENAI_MODEL?.trim() || 'gpt-4o-mini',
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? Math.min(timeout, 15_000) : 4000,
  }
}

/** What the model is told: public profile content and what is missing, nothing else. */
function prompt(facts: ProfileFacts, state: Completeness) {
  const profile = {
    jobTitle: facts.title || null,
    specialty: facts.specialty,
    subSpecialties: facts.subSpecialties,
    bio: facts.bio ? facts.bio.slice(0, 600) : null,
    verified: facts.verificationStatus === 'verified',
    completeness: `${state.percent}%`,
    missing: state.suggestions.map((s) => s.label),
  }
  return [
    {
      role: 'system',
      content:
        'You help doctors improve their profile on Rounds, a professional network for doctors. Give one concrete, friendly tip of at most two sentences (under 45 words), specific to the profile. Plain text, no lists, no greeting, no medical advice.',
    },
    { role: 'user', content: JSON.stringify(profile) },
  ]
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 400) || null

async function ask(settings: ModelSettings, messages: ReturnType<typeof prompt>): Promise<string | null> {
  const res = await fetch(`${settings.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(settings.apiKey ? { Authorization: `Bearer ${settings.apiKey}` } : {}) },
    body: JSON.stringify({ model: settings.model, messages, max_tokens: 120, temperature: 0.4 }),
    signal: AbortSignal.timeout(settings.timeoutMs),
    redirect: 'error',
  })
  if (!res.ok) return null
  const parsed = Completion.safeParse(await res.json())
  return parsed.success ? clean(parsed.data.choices[0].message.content) : null
}

/**
 * The tip for this profile, remembered for 6 hours per member and profile state (a failure for 5
 * minutes), so page views do not each wait for the model.
 */
export async function profileTip(userId: number, facts: ProfileFacts, state: Completeness, settings = modelSettings()): Promise<string | null> {
  if (!settings || !state.suggestions.length) return null
  const messages = prompt(facts, state)
  const key = `${userId}:${createHash('sha256').update(JSON.stringify([settings.baseUrl, settings.model, messages])).digest('base64url')}`
  const hit = cache.get(key)
  if (hit && hit.until > Date.now()) return hit.text
  let text: string | null = null
  try {
    text = await ask(settings, messages)
  } catch {
    text = null
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string)
  cache.set(key, { text, until: Date.now() + (text ? 6 * HOUR : 5 * 60 * 1000) })
  return text
}
