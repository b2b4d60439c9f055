/**
 * What the demo network talks about: rooms and channels, and posts written the way doctors write to
 * each other. Authors are picked by specialty from the demo doctors, so every post reads as theirs.
 */
export type RoomSeed = { slug: string; name: string; kind: 'room' | 'channel'; specialty?: string; description: string; voting?: boolean; sponsored?: boolean; visibility?: 'public' | 'members' | 'verified' }

export const DEMO_ROOMS: RoomSeed[] = [
  { slug: 'case-of-the-week', name: 'Case of the week', kind: 'room', description: 'One anonymised case every week. Vote up the differentials you would chase first.', voting: true, visibility: 'verified' },
  { slug: 'cardiology-corner', name: 'Cardiology corner', kind: 'room', specialty: 'internal-medicine', description: 'Heart failure, rhythm, imaging and everything between. Guidelines talk welcome.' },
  { slug: 'emergency-floor', name: 'The emergency floor', kind: 'room', specialty: 'emergency-medicine', description: 'Resus tips, rota survival and the cases that keep you up at night.' },
  { slug: 'surgical-skills', name: 'Surgical skills', kind: 'room', specialty: 'surgery', description: 'Technique, kit and theatre workflow. Videos of your best tricks encouraged.' },
  { slug: 'careers-and-training', name: 'Careers and training', kind: 'room', description: 'Applications, exams, portfolios, rotas and moving abroad.', visibility: 'public' },
  { slug: 'doctors-and-money', name: 'Doctors and money', kind: 'room', description: 'Pensions, tax, practice ownership and investing, by and for doctors. Not financial advice.' },
  { slug: 'st-marys-education', name: "St Mary's Teaching Hospital — Education", kind: 'channel', description: 'Grand rounds, teaching sessions and fellowship openings from our education team.', visibility: 'public' },
  { slug: 'northbridge-diagnostics', name: 'Northbridge Diagnostics', kind: 'channel', description: 'Point-of-care testing news and evidence summaries from our medical affairs team.', sponsored: true, visibility: 'members' },
]

export type PostSeed = {
  /** Specialty slug of the author (parent specialty); any doctor when absent. */
  by?: string
  room?: string
  title?: string
  text: string[]
  tags?: string[]
  visibility?: 'public' | 'members' | 'verified' | 'premium'
  /** Hours before the seed ran. */
  ageHours: number
  image?: { caption: string; colour: string; lines: string[] }
  comments?: { by?: string; text: string; replies?: { by?: string; text: string }[] }[]
}

export const DEMO_POSTS: PostSeed[] = [
  {
    by: 'internal-medicine',
    room: 'cardiology-corner',
    title: 'SGLT2 inhibitors in HFpEF: what changed on our ward',
    text: [
      'Six months after adding empagliflozin to our HFpEF pathway, readmissions at 30 days fell from 21% to 15% in our (small, unrandomised) audit.',
      'Biggest practical barrier was not the drug, it was sick-day rules. We now hand every patient a one-page card. Happy to share the template.',
    ],
    tags: ['heart-failure', 'audit', 'sglt2'],
    ageHours: 2,
    comments: [
      { by: 'internal-medicine', text: 'Would love the sick-day card. Did you see more euglycaemic DKA than expected?', replies: [{ text: 'Two cases in six months, both on a background of poor intake. The card is in the thread above now.' }] },
      { by: 'family-medicine', text: 'From primary care: the card helps us too, patients bring it to appointments.' },
    ],
  },
  {
    by: 'emergency-medicine',
    room: 'emergency-floor',
    text: [
      'Reminder for the night shift: a normal lactate does not rule out sepsis. Treat the patient, not the number.',
      'We had three this month with lactate under 2 who went to ICU within 12 hours.',
    ],
    tags: ['sepsis', 'night-shift'],
    visibility: 'members',
    ageHours: 5,
    comments: [{ by: 'intensive-care-medicine', text: 'Seconded. Capillary refill time is our most underused sign.' }],
  },
  {
    by: 'surgery',
    room: 'surgical-skills',
    title: 'Our theatre turnaround went from 38 to 22 minutes',
    text: ['No new staff, no new kit: a parallel set-up trolley and a single visual board. Photos of the board below.'],
    tags: ['theatre', 'quality-improvement'],
    ageHours: 9,
    image: { caption: 'Theatre turnaround board', colour: '#0f766e', lines: ['Turnaround (min)', 'Jan 38  ·  Mar 31  ·  May 22'] },
    comments: [{ by: 'anesthesiology', text: 'The anaesthetic room side matters as much. Did you change the block room workflow?' }],
  },
  {
    room: 'careers-and-training',
    title: 'Moving from the UK to Australia as a registrar: notes from year one',
    text: [
      'Registration took 14 weeks from first upload to approval. Start the primary source verification before anything else.',
      'Pay is better, rota is kinder, cost of living in Sydney is not. Ask me anything.',
    ],
    tags: ['careers', 'moving-abroad'],
    visibility: 'public',
    ageHours: 14,
    comments: [
      { text: 'Did you need to redo any exams?', replies: [{ text: 'Not for my specialty pathway, but it depends on the college. Check the comparability assessment first.' }] },
      { text: 'Thank you for this. The 14 weeks figure alone is gold.' },
    ],
  },
  {
    by: 'radiology',
    text: ['Incidental adrenal nodules: we rewrote our report template so that every one comes with the follow-up recommendation in the conclusion. Referral letters with no plan dropped to almost zero.'],
    tags: ['incidentalomas', 'reporting'],
    ageHours: 20,
  },
  {
    room: 'doctors-and-money',
    title: 'Pension tax charge: what I wish I had known at 35',
    text: ['Model your pension growth every year, not when the letter arrives. A spreadsheet and 30 minutes each April would have saved me a five-figure bill.'],
    tags: ['pensions', 'tax'],
    visibility: 'members',
    ageHours: 26,
    comments: [{ text: 'Is there a calculator you trust?' }],
  },
  {
    by: 'pediatrics',
    text: ['Bronchiolitis season is here. Our high-flow threshold is now a shared decision with the consultant on call, and our transfer rate halved without more deterioration events.'],
    tags: ['bronchiolitis', 'paediatrics'],
    ageHours: 31,
  },
  {
    room: 'st-marys-education',
    title: 'Grand round Thursday: anticoagulation after intracranial haemorrhage',
    text: ['Joint neurology and haematology session at 12:30, lecture theatre 2 and online. Cases welcome: send them to the education office by Tuesday.'],
    tags: ['grand-round', 'anticoagulation'],
    visibility: 'public',
    ageHours: 36,
  },
  {
    by: 'psychiatry',
    text: ['Doctors looking after doctors: our trust now has a confidential self-referral line staffed by two psychiatrists who work nowhere near your department. Use it, and tell your juniors it exists.'],
    tags: ['wellbeing'],
    visibility: 'public',
    ageHours: 44,
    comments: [{ text: 'This should exist everywhere. Thank you for setting it up.' }],
  },
  {
    by: 'internal-medicine',
    room: 'case-of-the-week',
    title: 'Case of the week: 34-year-old with recurrent syncope on exertion',
    text: [
      'Three episodes in a month, all while running. ECG shows deep T-wave inversion in V1 to V4. Echo pending.',
      'What is on your list and what do you order first?',
    ],
    tags: ['case', 'syncope'],
    visibility: 'verified',
    ageHours: 50,
    comments: [
      { by: 'internal-medicine', text: 'ARVC until proven otherwise. Cardiac MRI, and stop the running meanwhile.' },
      { by: 'emergency-medicine', text: 'HCM and anomalous coronaries too. Exercise restriction until the echo, agreed.' },
    ],
  },
  {
    by: 'anesthesiology',
    text: ['Sugammadex shortages are back in our region. We have written a short local guideline on when to reserve it. Happy to compare with what others are doing.'],
    tags: ['drug-shortage'],
    ageHours: 60,
  },
  {
    room: 'careers-and-training',
    text: ['Portfolio tip for interview season: one reflective entry per month beats twelve written the week before. The panel can tell.'],
    tags: ['careers', 'interviews'],
    visibility: 'public',
    ageHours: 72,
  },
  {
    room: 'northbridge-diagnostics',
    title: 'Evidence summary: point-of-care troponin in rural emergency care',
    text: ['A summary of the three largest studies of point-of-care high-sensitivity troponin outside hospital, with what they do and do not show.'],
    tags: ['troponin', 'evidence'],
    visibility: 'members',
    ageHours: 80,
  },
  {
    by: 'family-medicine',
    text: ['Ten-minute appointments and multimorbidity do not mix. We trialled 20-minute slots for patients on 10+ medicines: fewer follow-ups, happier pharmacists.'],
    tags: ['primary-care', 'polypharmacy'],
    ageHours: 96,
    image: { caption: 'Follow-up visits per patient', colour: '#4338ca', lines: ['Follow-ups per patient', '10 min: 2.4   ·   20 min: 1.6'] },
  },
  {
    by: 'obstetrics-gynecology',
    text: ['Postpartum haemorrhage drills every month on the labour ward: time to first uterotonic dropped from 9 to 4 minutes. Drills work.'],
    tags: ['obstetrics', 'simulation'],
    ageHours: 120,
  },
  {
    room: 'doctors-and-money',
    text: ['For those asking about buying into a practice: get the last three years of accounts reviewed by someone who only works for doctors. Our first quote missed the lease liabilities.'],
    tags: ['practice-ownership'],
    visibility: 'members',
    ageHours: 150,
  },
]

/** Direct messages between the first demo doctors. */
export const DEMO_MESSAGES = [
  'Saw your post on the HFpEF pathway. Could I borrow the sick-day card for our ward?',
  'Of course, sending it over this afternoon.',
  'Thank you! Would you be up for presenting it at our grand round next month?',
]
