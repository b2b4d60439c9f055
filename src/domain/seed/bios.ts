import type { Faker } from '@faker-js/faker'

export type BioFacts = {
  /** "Dr Okafor", "Prof Lindqvist" */
  addressed: string
  title: string
  field: string
  hospital: string
  city: string
  trainedIn: string
  interests: string[]
  trainee: boolean
  startYear: number
}

const article = (word: string) => (/^[aeiou]/i.test(word) && !/^(uni|uro|eu)/i.test(word) ? 'an' : 'a')
const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1)
/** "Klinikum München in Munich", but not "Cork University Hospital in Cork". */
const at = (b: BioFacts) => (b.hospital.includes(b.city) ? b.hospital : `${b.hospital} in ${b.city}`)

const OPENINGS: Array<(b: BioFacts) => string> = [
  (b) => `${b.addressed} is ${article(b.title)} ${lowerFirst(b.title)} at ${at(b)}, with a clinical focus on ${b.interests[0]} and ${b.interests[1]}.`,
  (b) => `${b.addressed} trained in ${b.trainedIn} and has worked at ${b.hospital} since ${b.startYear}, mostly in ${b.interests[0]}.`,
  (b) => `${b.addressed} divides the week between ${b.interests[0]} clinics at ${b.hospital} and research on ${b.interests[1]}.`,
  (b) => `After training in ${b.trainedIn}, ${b.addressed} joined ${b.hospital} in ${b.startYear} and now leads its work on ${b.interests[0]}.`,
]

const TRAINEE_OPENINGS: Array<(b: BioFacts) => string> = [
  (b) => `${b.addressed} is in ${b.field} training at ${at(b)}, currently on a rotation in ${b.interests[0]}.`,
  (b) => `${b.addressed} moved to ${b.city} in ${b.startYear} to train in ${b.field} at ${b.hospital}, and is drawn to ${b.interests[0]}.`,
]

const MIDDLES: Array<(b: BioFacts) => string> = [
  (b) => `Most of the working week goes to ${b.interests[1]}, with a growing share of ${b.interests[2] ?? b.interests[0]}.`,
  (b) => `Sits on the regional guideline group for ${b.interests[0]} and audits the department's outcomes every year.`,
  (b) => `Teaches on the ${b.field} training program and supervises junior doctors on the wards.`,
  (b) => `Has published on ${b.interests[1]} and reviews for two journals in the field.`,
  (b) => `Set up a multidisciplinary clinic for ${b.interests[2] ?? b.interests[1]} that now takes referrals from across the region.`,
]

const TRAINEE_MIDDLES: Array<(b: BioFacts) => string> = [
  (b) => `Working on a first research project on ${b.interests[1]}.`,
  (b) => `Preparing for the specialty exams and keen on ${b.interests[2] ?? b.interests[1]} as a sub-specialty.`,
  () => "Represents the trainees on the hospital's education committee.",
]

const CLOSINGS: Array<(b: BioFacts) => string> = [
  (b) => `Happy to compare notes with colleagues working on ${b.interests[1]}.`,
  () => 'On Rounds to keep up with CME and to plan a move into private practice.',
  () => 'Interested in the business side of medicine: pensions, tax and planning a career break.',
  () => 'Looking for a mentor in leadership and service management.',
  () => 'Runs a monthly journal club and welcomes new members.',
  () => "Currently studying for a master's degree in medical education.",
]

/** Two or three sentences from templates, chosen by the seeded faker so a rerun writes the same bio. */
export function writeBio(f: Faker, facts: BioFacts): string {
  const opening = f.helpers.arrayElement(facts.trainee ? TRAINEE_OPENINGS : OPENINGS)(facts)
  const sentences = [opening]
  if (f.datatype.boolean({ probability: 0.7 })) sentences.push(f.helpers.arrayElement(facts.trainee ? TRAINEE_MIDDLES : MIDDLES)(facts))
  sentences.push(f.helpers.arrayElement(CLOSINGS)(facts))
  return sentences.join(' ')
}
