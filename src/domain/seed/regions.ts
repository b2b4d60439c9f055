import { base, de, en, en_AU, en_CA, en_GB, en_IE, en_IN, en_NG, en_US, es, fr, it, nl, pt_BR, type Faker, type LocaleDefinition } from '@faker-js/faker'

import { ENGLISH_NAMES, type NamePool } from './names'

/**
 * Where the demo doctors practise: the country's name data for faker, real licensing bodies with the
 * shape of their registration numbers (the numbers themselves are random), cities and hospital names
 * (invented from the city's name), and the way seniority is written there.
 */
/** `localName` is how the city is written in its hospitals' names ("München" for Munich). */
export type Place = { city: string; localName?: string; jurisdiction: string; licence: (f: Faker) => string }
export type Region = {
  country: string
  locale: LocaleDefinition[]
  /** First and last names to use instead of faker's lists. */
  names?: NamePool
  weight: number
  grades: 'uk' | 'us' | 'intl'
  places: Place[]
  hospitals: (city: string) => string[]
  /** A mobile number in the country's international format. */
  phone: (f: Faker, city: string) => string
}

const digits = (n: number) => (f: Faker) => f.string.numeric({ length: n, allowLeadingZeros: false })
const prefixed = (prefix: string, n: number) => (f: Faker) => `${prefix}${digits(n)(f)}`
const n = (f: Faker, length: number) => f.string.numeric({ length, allowLeadingZeros: true })
// Telephone area codes of the cities below, so that a number matches the doctor's city.
const US_AREA: Record<string, number> = { Boston: 617, 'New York': 212, Chicago: 312, 'San Francisco': 415, 'Los Angeles': 213, Houston: 713, Seattle: 206 }
const CA_AREA: Record<string, number> = { Toronto: 416, Vancouver: 604, Calgary: 403 }
const BR_AREA: Record<string, number> = { 'São Paulo': 11, 'Rio de Janeiro': 21, 'Belo Horizonte': 31, 'Porto Alegre': 51 }

export const REGIONS: Region[] = [
  {
    country: 'United Kingdom',
    phone: (f) => `+44 7${n(f, 3)} ${n(f, 6)}`,
    locale: [en_GB, en, base],
    names: ENGLISH_NAMES,
    weight: 5,
    grades: 'uk',
    places: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Bristol', 'Newcastle', 'Glasgow', 'Edinburgh', 'Cardiff'].map((city) => ({
      city,
      jurisdiction: 'General Medical Council (UK)',
      licence: prefixed('GMC ', 7),
    })),
    hospitals: (city) => [`${city} Royal Infirmary`, `${city} General Hospital`, `University Hospitals ${city}`],
  },
  {
    country: 'United States',
    phone: (f, city) => `+1 ${US_AREA[city] ?? 212} ${f.number.int({ min: 200, max: 999 })} ${n(f, 4)}`,
    locale: [en_US, en, base],
    names: ENGLISH_NAMES,
    weight: 5,
    grades: 'us',
    places: [
      { city: 'Boston', jurisdiction: 'Massachusetts Board of Registration in Medicine', licence: digits(6) },
      { city: 'New York', jurisdiction: 'New York State Board for Medicine', licence: digits(6) },
      { city: 'Chicago', jurisdiction: 'Illinois Department of Financial and Professional Regulation', licence: prefixed('036.', 6) },
      { city: 'San Francisco', jurisdiction: 'Medical Board of California', licence: prefixed('A', 6) },
      { city: 'Los Angeles', jurisdiction: 'Medical Board of California', licence: prefixed('G', 6) },
      { city: 'Houston', jurisdiction: 'Texas Medical Board', licence: prefixed('R', 5) },
      { city: 'Seattle', jurisdiction: 'Washington Medical Commission', licence: prefixed('MD', 8) },
    ],
    hospitals: (city) => [`${city} Medical Center`, `${city} Memorial Hospital`, `University Hospital ${city}`],
  },
  {
    country: 'Ireland',
    phone: (f) => `+353 8${f.helpers.arrayElement(['3', '5', '6', '7', '9'])} ${n(f, 3)} ${n(f, 4)}`,
    locale: [en_IE, en, base],
    names: ENGLISH_NAMES,
    weight: 1,
    grades: 'uk',
    places: ['Dublin', 'Cork', 'Galway'].map((city) => ({ city, jurisdiction: 'Medical Council of Ireland', licence: digits(6) })),
    hospitals: (city) => [`${city} University Hospital`, `Mercy Hospital ${city}`],
  },
  {
    country: 'Canada',
    phone: (f, city) => `+1 ${CA_AREA[city] ?? 416} ${f.number.int({ min: 200, max: 999 })} ${n(f, 4)}`,
    locale: [en_CA, en, base],
    names: ENGLISH_NAMES,
    weight: 2,
    grades: 'us',
    places: [
      { city: 'Toronto', jurisdiction: 'College of Physicians and Surgeons of Ontario', licence: digits(6) },
      { city: 'Vancouver', jurisdiction: 'College of Physicians and Surgeons of British Columbia', licence: digits(5) },
      { city: 'Calgary', jurisdiction: 'College of Physicians and Surgeons of Alberta', licence: digits(6) },
    ],
    hospitals: (city) => [`${city} General Hospital`, `${city} Health Sciences Centre`],
  },
  {
    country: 'Australia',
    phone: (f) => `+61 4${n(f, 2)} ${n(f, 3)} ${n(f, 3)}`,
    locale: [en_AU, en, base],
    names: ENGLISH_NAMES,
    weight: 2,
    grades: 'uk',
    places: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide'].map((city) => ({
      city,
      jurisdiction: 'Medical Board of Australia (Ahpra)',
      licence: prefixed('MED000', 7),
    })),
    hospitals: (city) => [`Royal ${city} Hospital`, `${city} Hospital`],
  },
  {
    country: 'Germany',
    phone: (f) => `+49 1${f.helpers.arrayElement(['51', '52', '60', '70', '76'])} ${n(f, 7)}`,
    locale: [de, en, base],
    weight: 2,
    grades: 'intl',
    places: [
      { city: 'Berlin', jurisdiction: 'Ärztekammer Berlin', licence: prefixed('LANR ', 9) },
      { city: 'Munich', localName: 'München', jurisdiction: 'Bayerische Landesärztekammer', licence: prefixed('LANR ', 9) },
      { city: 'Hamburg', jurisdiction: 'Ärztekammer Hamburg', licence: prefixed('LANR ', 9) },
      { city: 'Cologne', localName: 'Köln', jurisdiction: 'Ärztekammer Nordrhein', licence: prefixed('LANR ', 9) },
    ],
    hospitals: (city) => [`Universitätsklinikum ${city}`, `Klinikum ${city}`],
  },
  {
    country: 'France',
    phone: (f) => `+33 6 ${n(f, 2)} ${n(f, 2)} ${n(f, 2)} ${n(f, 2)}`,
    locale: [fr, en, base],
    weight: 2,
    grades: 'intl',
    places: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Lille'].map((city) => ({
      city,
      jurisdiction: "Conseil national de l'Ordre des médecins",
      licence: prefixed('RPPS 10', 9),
    })),
    hospitals: (city) => [`CHU de ${city}`, `Centre hospitalier de ${city}`],
  },
  {
    country: 'Spain',
    phone: (f) => `+34 6${n(f, 2)} ${n(f, 3)} ${n(f, 3)}`,
    locale: [es, en, base],
    weight: 2,
    grades: 'intl',
    places: [
      { city: 'Madrid', jurisdiction: 'Ilustre Colegio Oficial de Médicos de Madrid', licence: prefixed('2828', 5) },
      { city: 'Barcelona', jurisdiction: 'Col·legi Oficial de Metges de Barcelona', licence: prefixed('0808', 5) },
      { city: 'Valencia', jurisdiction: 'Ilustre Colegio Oficial de Médicos de Valencia', licence: prefixed('4646', 5) },
      { city: 'Seville', localName: 'Sevilla', jurisdiction: 'Real e Ilustre Colegio Oficial de Médicos de Sevilla', licence: prefixed('4141', 5) },
    ],
    hospitals: (city) => [`Hospital Universitario de ${city}`, `Hospital General de ${city}`],
  },
  {
    country: 'Italy',
    phone: (f) => `+39 3${n(f, 2)} ${n(f, 3)} ${n(f, 4)}`,
    locale: [it, en, base],
    weight: 2,
    grades: 'intl',
    places: [
      { city: 'Milan', localName: 'Milano', jurisdiction: 'Ordine dei Medici Chirurghi e degli Odontoiatri di Milano', licence: digits(5) },
      { city: 'Rome', localName: 'Roma', jurisdiction: 'Ordine dei Medici Chirurghi e degli Odontoiatri di Roma', licence: digits(5) },
      { city: 'Bologna', jurisdiction: 'Ordine dei Medici Chirurghi e degli Odontoiatri di Bologna', licence: digits(5) },
      { city: 'Turin', localName: 'Torino', jurisdiction: 'Ordine dei Medici Chirurghi e degli Odontoiatri di Torino', licence: digits(5) },
    ],
    hospitals: (city) => [`Policlinico di ${city}`, `Ospedale Maggiore di ${city}`],
  },
  {
    country: 'Netherlands',
    phone: (f) => `+31 6 ${n(f, 4)} ${n(f, 4)}`,
    locale: [nl, en, base],
    weight: 1,
    grades: 'intl',
    places: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Groningen'].map((city) => ({
      city,
      jurisdiction: 'BIG-register (Netherlands)',
      licence: prefixed('BIG ', 11),
    })),
    hospitals: (city) => [`Universitair Medisch Centrum ${city}`, `Medisch Centrum ${city}`],
  },
  {
    country: 'India',
    phone: (f) => `+91 9${n(f, 4)} ${n(f, 5)}`,
    locale: [en_IN, en, base],
    weight: 3,
    grades: 'intl',
    places: [
      { city: 'Mumbai', jurisdiction: 'Maharashtra Medical Council', licence: digits(6) },
      { city: 'New Delhi', jurisdiction: 'Delhi Medical Council', licence: prefixed('DMC/R/', 5) },
      { city: 'Bengaluru', jurisdiction: 'Karnataka Medical Council', licence: prefixed('KMC ', 6) },
      { city: 'Chennai', jurisdiction: 'Tamil Nadu Medical Council', licence: digits(6) },
    ],
    hospitals: (city) => [`${city} Institute of Medical Sciences`, `${city} City Hospital`],
  },
  {
    country: 'Nigeria',
    phone: (f) => `+234 80${n(f, 1)} ${n(f, 3)} ${n(f, 4)}`,
    locale: [en_NG, en, base],
    weight: 2,
    grades: 'uk',
    places: ['Lagos', 'Abuja', 'Ibadan', 'Enugu'].map((city) => ({
      city,
      jurisdiction: 'Medical and Dental Council of Nigeria',
      licence: prefixed('MDCN/R/', 5),
    })),
    hospitals: (city) => [`${city} University Teaching Hospital`, `${city} General Hospital`],
  },
  {
    country: 'Brazil',
    phone: (f, city) => `+55 ${BR_AREA[city] ?? 11} 9${n(f, 4)}-${n(f, 4)}`,
    locale: [pt_BR, en, base],
    weight: 2,
    grades: 'intl',
    places: [
      { city: 'São Paulo', jurisdiction: 'Conselho Regional de Medicina do Estado de São Paulo', licence: prefixed('CRM-SP ', 6) },
      { city: 'Rio de Janeiro', jurisdiction: 'Conselho Regional de Medicina do Estado do Rio de Janeiro', licence: prefixed('CRM-RJ ', 6) },
      { city: 'Belo Horizonte', jurisdiction: 'Conselho Regional de Medicina de Minas Gerais', licence: prefixed('CRM-MG ', 5) },
      { city: 'Porto Alegre', jurisdiction: 'Conselho Regional de Medicina do Rio Grande do Sul', licence: prefixed('CRM-RS ', 5) },
    ],
    hospitals: (city) => [`Hospital das Clínicas de ${city}`, `Hospital Universitário de ${city}`],
  },
]

/** "Cardiology" as it reads inside a sentence: "cardiology"; "Otolaryngology (ENT)" keeps "ENT". */
export const inSentence = (name: string) =>
  name
    .split(' ')
    .map((w) => (/^\p{Lu}[\p{Ll}'-]*$/u.test(w) ? w.toLowerCase() : w))
    .join(' ')

type Grade = { title: (practitioner: string, field: string) => string; professor?: boolean; trainee?: boolean }

/** How seniority is written; the list is weighted by repetition towards senior doctors. */
export const GRADES: Record<Region['grades'], Grade[]> = {
  uk: [
    { title: (p) => `Consultant ${p}` },
    { title: (p) => `Consultant ${p}` },
    { title: (p) => `Consultant ${p}` },
    { title: (_p, f) => `Specialty registrar in ${f}`, trainee: true },
    { title: (_p, f) => `Clinical fellow in ${f}`, trainee: true },
    { title: (_p, f) => `Associate specialist in ${f}` },
    { title: (p, f) => `Professor of ${f} and honorary consultant ${p}`, professor: true },
  ],
  us: [
    { title: (p) => `Attending ${p}` },
    { title: (p) => `Attending ${p}` },
    { title: (p) => `Attending ${p}` },
    { title: (_p, f) => `Resident physician in ${f}`, trainee: true },
    { title: (_p, f) => `Fellow in ${f}`, trainee: true },
    { title: (_p, f) => `Assistant professor of ${f}` },
    { title: (_p, f) => `Professor of ${f}`, professor: true },
  ],
  intl: [
    { title: (p) => `Consultant ${p}` },
    { title: (p) => `Consultant ${p}` },
    { title: (p) => `Senior ${p}` },
    { title: (_p, f) => `Head of ${f}` },
    { title: (_p, f) => `Resident in ${f}`, trainee: true },
    { title: (_p, f) => `Professor of ${f}`, professor: true },
  ],
}
