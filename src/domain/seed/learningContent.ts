/**
 * The demo catalogue: courses written as a specialist would write them, each lesson a few paragraphs.
 * Text lessons only; lessons of other kinds (video, quiz, SCORM) are added to these courses by the
 * seeds of their own features, found by DEMO_COURSE_SLUGS.
 */

export type LessonSeed = {
  title: string
  minutes: number
  /** Paragraphs; a line starting with "## " is a heading. */
  body: string[]
  preview?: boolean
  required?: boolean
  weight?: number
  /** Drip release: opens this many days after the learner enrolled. */
  afterDays?: number
}

export type ModuleSeed = { title: string; summary: string; lessons: LessonSeed[] }

export type CourseSeed = {
  slug: string
  title: string
  summary: string
  description: string[]
  specialty?: string
  level: 'introductory' | 'intermediate' | 'advanced'
  pricing: 'free' | 'premium' | 'paid'
  price?: { amount: number; currency: string }
  creditHours: number
  tags: string[]
  /** Slugs of demo courses to complete first. */
  prerequisites?: string[]
  /** Cover colour. */
  colour: string
  modules: ModuleSeed[]
}

export const DEMO_COURSES: CourseSeed[] = [
  {
    slug: 'ecg-interpretation-essentials',
    title: 'ECG interpretation essentials',
    summary: 'A systematic way to read any 12-lead ECG: rate, rhythm, axis, intervals and the patterns you cannot afford to miss.',
    description: [
      'Most ECG errors are errors of method, not of knowledge. This course gives you one routine that you apply to every tracing, in the same order, so that the abnormal finding is found because you looked for it rather than because it happened to catch your eye.',
      'We start with the paper and the leads, move through rate, rhythm and axis, then spend most of the time on intervals and the ST segment, with the emergencies (hyperkalaemia, complete heart block, STEMI and its mimics) given their own lessons.',
      'The course suits doctors in training, general practitioners and anyone who reads ECGs outside a cardiology department. It is the prerequisite of the acute coronary syndromes course.',
    ],
    specialty: 'cardiology',
    level: 'introductory',
    pricing: 'free',
    creditHours: 4,
    tags: ['ECG', 'arrhythmia', 'cardiology'],
    colour: '#0f6f68',
    modules: [
      {
        title: 'The method',
        summary: 'Paper speed, leads and the order in which to read them.',
        lessons: [
          {
            title: 'The paper, the leads and the calibration',
            minutes: 12,
            preview: true,
            body: [
              'Before interpreting a single wave, check three things: the paper speed (25 mm/s is standard; 50 mm/s makes everything look slow and wide), the calibration mark (10 mm for 1 mV) and the patient details. A tracing recorded at half standard will hide left ventricular hypertrophy and make low-voltage look convincing.',
              'At 25 mm/s one small square is 40 ms and one large square is 200 ms. Five large squares make one second, which is the basis of every quick rate estimate you will use.',
              'The six limb leads look at the heart in the frontal plane: II, III and aVF inferiorly, I and aVL laterally, and aVR from the right shoulder, looking into the cavity. The six chest leads look in the horizontal plane: V1 and V2 septal, V3 and V4 anterior, V5 and V6 lateral. Knowing which territory each lead faces turns an ST change into a coronary artery.',
              'Finally, look for lead misplacement. A negative P wave and QRS in lead I with a normal chest-lead progression is almost always limb-lead reversal, not dextrocardia. Repeating the tracing costs a minute; treating an artefact costs much more.',
            ],
          },
          {
            title: 'Rate, rhythm and axis',
            minutes: 18,
            body: [
              'For a regular rhythm, divide 300 by the number of large squares between two R waves. For an irregular rhythm, count the QRS complexes on the whole 10-second strip and multiply by six. Both methods take seconds and are accurate enough for clinical decisions.',
              'Rhythm is a series of questions: is there a P wave before every QRS, a QRS after every P wave, and is the PR interval constant? Are the P waves upright in II and inverted in aVR, as sinus P waves should be? An irregularly irregular rhythm without organised atrial activity is atrial fibrillation until proven otherwise.',
              'The axis is found from leads I and aVF. Both positive: normal. Lead I positive and aVF negative: look at lead II; if II is also negative, the axis is left of -30 degrees (left axis deviation, seen with left anterior fascicular block and inferior infarction). Lead I negative and aVF positive: right axis deviation, seen in right ventricular strain, lateral infarction and in the young and slim.',
              'Write each finding down as you go. A written sequence - rate, rhythm, axis, intervals, morphology, comparison with old tracings - protects you at three in the morning.',
            ],
          },
        ],
      },
      {
        title: 'Intervals and conduction',
        summary: 'PR, QRS and QT: what is normal and what each abnormality means.',
        lessons: [
          {
            title: 'PR interval and heart block',
            minutes: 15,
            body: [
              'The normal PR interval is 120 to 200 ms. A short PR with a slurred upstroke of the QRS (the delta wave) suggests an accessory pathway; a short PR without a delta wave is usually a normal variant or a low atrial rhythm.',
              'First-degree block is a PR longer than 200 ms with every P wave conducted. Second-degree block comes in two kinds that behave very differently. In Mobitz I (Wenckebach) the PR lengthens until a beat is dropped; it is usually nodal, often vagal, and rarely dangerous. In Mobitz II the PR is constant and a P wave suddenly fails to conduct; the block is below the node and may progress without warning to complete block.',
              'In complete (third-degree) heart block, P waves and QRS complexes march independently. A narrow escape rhythm at 40 to 60 beats per minute comes from the junction; a broad one at 20 to 40 comes from the ventricles and is unstable. Mobitz II and complete block need monitoring, pacing pads within reach and a cardiology opinion the same day.',
            ],
          },
          {
            title: 'QRS width, bundle branch block and the QT',
            minutes: 20,
            body: [
              'A QRS of 120 ms or more is broad. Right bundle branch block gives an RSR pattern in V1 and a wide slurred S wave in I and V6; left bundle branch block gives a broad notched R in I, aVL and V6 with deep S waves in V1. New left bundle branch block with chest pain is no longer treated as a STEMI equivalent on its own, but it makes ischaemia hard to see: apply the Sgarbossa criteria and ask for help early.',
              'Measure the QT from the start of the QRS to the end of the T wave in the lead where it is longest, usually II or V5, and correct it for rate. Bazett\'s formula over-corrects at fast rates; Fridericia\'s (QT divided by the cube root of the RR interval) behaves better. A corrected QT over 470 ms in men or 480 ms in women deserves attention, and over 500 ms carries a real risk of torsades de pointes.',
              'The commonest causes of a long QT on a ward are drugs (macrolides, fluoroquinolones, ondansetron, haloperidol, methadone, many antidepressants) and electrolytes (low potassium, magnesium or calcium). Check both before adding another QT-prolonging drug.',
            ],
          },
        ],
      },
      {
        title: 'Patterns you must not miss',
        summary: 'Hyperkalaemia, STEMI and its mimics.',
        lessons: [
          {
            title: 'Hyperkalaemia on the ECG',
            minutes: 12,
            body: [
              'The classic sequence runs from tall, narrow, peaked T waves through a lengthening PR and flattening P wave to a broad QRS that finally merges with the T wave into a sine wave. The sequence is a teaching device: patients do not read it, and a normal-looking ECG does not exclude dangerous hyperkalaemia.',
              'Any ECG change with a high potassium is an indication for intravenous calcium (calcium gluconate 10% 30 ml, or calcium chloride 10% 10 ml through a large vein) to stabilise the myocardium within minutes. Calcium lowers no potassium: give insulin with glucose, consider salbutamol, and treat the cause.',
              'Look again after each intervention. The ECG is the quickest monitor you have of whether the myocardium is still in danger.',
            ],
          },
          {
            title: 'ST elevation: infarction and its mimics',
            minutes: 22,
            body: [
              '## Criteria',
              'ST elevation at the J point in two contiguous leads of at least 1 mm (in V2 and V3: 2 mm in men over 40, 2.5 mm in younger men, 1.5 mm in women) with a compatible story is a STEMI until a cardiologist says otherwise. Reciprocal ST depression in the opposite territory makes the diagnosis much more likely.',
              '## Mimics',
              'Pericarditis gives widespread concave ST elevation with PR depression and no reciprocal changes except in aVR and V1. Benign early repolarisation gives notched J points in young people, stable over time. Left ventricular hypertrophy and left bundle branch block produce discordant ST elevation in the right chest leads. A left ventricular aneurysm leaves persistent ST elevation with deep Q waves weeks after an old infarct.',
              'When in doubt, repeat the ECG every 15 to 30 minutes, compare with old tracings and ask early. The cost of calling a cardiologist about a mimic is small; the cost of missing an occlusion is myocardium.',
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'acute-coronary-syndromes-in-practice',
    title: 'Acute coronary syndromes in practice',
    summary: 'From the first ECG to discharge: risk, reperfusion, antithrombotic therapy and secondary prevention, as current guidelines describe them.',
    description: [
      'This course follows a patient with chest pain from the door to the follow-up clinic. Each lesson is built around a decision: is this an acute coronary syndrome, does the patient need immediate reperfusion, which antithrombotic regimen, and what must be in place before they go home.',
      'It assumes that you read ECGs confidently; complete the ECG interpretation essentials course first. The final module opens a few days after you enrol, so that the first two have time to settle.',
    ],
    specialty: 'cardiology',
    level: 'advanced',
    pricing: 'premium',
    creditHours: 6,
    tags: ['ACS', 'STEMI', 'NSTEMI', 'cardiology'],
    prerequisites: ['ecg-interpretation-essentials'],
    colour: '#8a2b3a',
    modules: [
      {
        title: 'Recognition and risk',
        summary: 'The first twenty minutes.',
        lessons: [
          {
            title: 'Chest pain at the door',
            minutes: 15,
            preview: true,
            body: [
              'Every adult with chest pain that could be cardiac gets a 12-lead ECG within ten minutes of arrival, read by a clinician at once. That single step decides which pathway the patient enters: ST elevation (or its equivalents) goes to immediate reperfusion; everything else goes to rule-in and rule-out with troponin.',
              'The history still matters. Pain that is pressing, radiates to the arm or jaw, comes with sweating or vomiting, or is provoked by exertion raises the probability of an acute coronary syndrome; pleuritic, positional or reproducible pain lowers it but never excludes it. Women, older patients and people with diabetes more often present with breathlessness, fatigue or epigastric discomfort.',
              'Give aspirin early unless there is a true allergy, relieve pain, and give oxygen only to patients whose saturation is below 90%: routine oxygen in normoxic patients brings no benefit.',
            ],
          },
          {
            title: 'High-sensitivity troponin pathways',
            minutes: 20,
            body: [
              'High-sensitivity troponin assays allow rapid protocols (0 and 1 hour, or 0 and 2 hours) validated for each specific assay. A very low value at presentation in a patient whose pain started more than three hours earlier, or a low value with no rise at one hour, rules out myocardial infarction with a negative predictive value above 99%.',
              'A high value, or a significant rise, rules in. Between the two lies an observe zone, where a third sample and clinical judgement decide. Remember that troponin measures myocardial injury, not its cause: sepsis, pulmonary embolism, myocarditis, tachyarrhythmias and renal failure all raise it.',
              'Use a risk score such as GRACE to decide the timing of invasive management in confirmed non-ST elevation syndromes: very high-risk features (haemodynamic instability, refractory pain, life-threatening arrhythmias, mechanical complications) call for angiography within two hours, high risk within 24 hours.',
            ],
          },
        ],
      },
      {
        title: 'Treatment',
        summary: 'Reperfusion and antithrombotic therapy.',
        lessons: [
          {
            title: 'Reperfusion in STEMI',
            minutes: 18,
            body: [
              'Primary percutaneous coronary intervention is the preferred reperfusion strategy when it can be delivered within 120 minutes of diagnosis. Time is myocardium: activate the catheter laboratory from the field or the emergency department, not after a second opinion on the ward.',
              'Where that delay cannot be met, give fibrinolysis within 10 minutes of diagnosis in the absence of contraindications, and transfer the patient to a PCI centre: rescue angioplasty if the ST segments have not resolved by at least 50% at 60 to 90 minutes, routine angiography within 2 to 24 hours if they have.',
              'Patients resuscitated from cardiac arrest with ST elevation go to immediate angiography; those without ST elevation are assessed case by case.',
            ],
          },
          {
            title: 'Antithrombotic therapy and bleeding risk',
            minutes: 22,
            body: [
              'Dual antiplatelet therapy - aspirin with a P2Y12 inhibitor - is the default for twelve months after an acute coronary syndrome. Prasugrel or ticagrelor are preferred over clopidogrel in most patients undergoing PCI; clopidogrel remains the choice with oral anticoagulation or a high bleeding risk.',
              'Weigh bleeding as carefully as ischaemia. Older age, anaemia, renal impairment, previous bleeding and low body weight all raise the risk, and a major bleed after an acute coronary syndrome carries a mortality comparable to a recurrent infarction. Shortening dual therapy to one to three months is reasonable in high bleeding risk.',
              'Patients already on an oral anticoagulant for atrial fibrillation usually take triple therapy for no more than a week after PCI, then an anticoagulant with clopidogrel for up to twelve months, then the anticoagulant alone. Write the plan, with dates, in the discharge letter.',
            ],
          },
        ],
      },
      {
        title: 'After the event',
        summary: 'Secondary prevention and the discharge conversation.',
        lessons: [
          {
            title: 'Secondary prevention that lasts',
            minutes: 16,
            afterDays: 7,
            body: [
              'Every patient leaves with a high-intensity statin, aiming for an LDL cholesterol below 1.4 mmol/L and a reduction of at least half from baseline; add ezetimibe and then a PCSK9 inhibitor if the target is not reached. A beta-blocker is indicated when the ejection fraction is reduced; an ACE inhibitor (or ARB) in heart failure, diabetes, hypertension or reduced ejection fraction.',
              'Refer every patient to cardiac rehabilitation. It reduces cardiovascular mortality and readmission, and it is the place where smoking cessation, diet, exercise and return to work are actually worked on rather than mentioned.',
              'The discharge conversation should cover what each medicine is for, what to do with new chest pain (the patient should know when to call an ambulance), when to resume driving and sexual activity, and who to contact with questions. Check understanding by asking the patient to explain the plan back to you.',
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'sepsis-recognition-first-hour',
    title: 'Sepsis: recognition and the first hour',
    summary: 'Spot sepsis early, start the bundle on time and know when to call critical care.',
    description: [
      'Sepsis kills because it is recognised late. This short course is about the first hour: screening, the elements of the hour-1 bundle, fluids and vasopressors, and the conversation with intensive care.',
      'It is written for emergency department, acute medicine and ward doctors, and follows the Surviving Sepsis Campaign guidance.',
    ],
    specialty: 'emergency-medicine',
    level: 'intermediate',
    pricing: 'free',
    creditHours: 3,
    tags: ['sepsis', 'emergency', 'critical care'],
    colour: '#b45309',
    modules: [
      {
        title: 'Recognition',
        summary: 'Definitions and screening.',
        lessons: [
          {
            title: 'What sepsis is, and how to screen for it',
            minutes: 14,
            preview: true,
            body: [
              'Sepsis is life-threatening organ dysfunction caused by a dysregulated host response to infection. Septic shock is the subset in which circulatory and metabolic abnormalities are severe enough to raise mortality substantially: vasopressors are needed to keep the mean arterial pressure at 65 mmHg or more and the lactate stays above 2 mmol/L despite adequate fluids.',
              'qSOFA (respiratory rate of 22 or more, altered mentation, systolic pressure of 100 mmHg or less) predicts a poor outcome but is too insensitive to be used alone as a screening tool. Use an early warning score such as NEWS2 for every acutely unwell adult, and think "could this be sepsis?" whenever the score rises.',
              'The patients most at risk of being missed are the old, the immunosuppressed, those on beta-blockers (no tachycardia), and those who are confused for another apparent reason.',
            ],
          },
          {
            title: 'The lactate and what it tells you',
            minutes: 10,
            body: [
              'A lactate above 2 mmol/L marks tissue hypoperfusion or stress metabolism and should be measured in every patient with suspected sepsis. A venous sample is adequate for screening; a high venous value should be followed by a repeat within two to four hours.',
              'Falling lactate is a reasonable guide to resuscitation, but do not chase a number: liver dysfunction, adrenaline and metformin all raise lactate independently of perfusion. Capillary refill time is a useful bedside companion to the laboratory value.',
            ],
          },
        ],
      },
      {
        title: 'The first hour',
        summary: 'The bundle, fluids, vasopressors and escalation.',
        lessons: [
          {
            title: 'The hour-1 bundle',
            minutes: 16,
            body: [
              'Within one hour of recognising sepsis: measure lactate, take blood cultures before antibiotics (without delaying them), give broad-spectrum antibiotics, start 30 ml/kg of balanced crystalloid for hypotension or a lactate of 4 mmol/L or more, and start vasopressors if the mean arterial pressure stays below 65 mmHg during or after fluids.',
              'For probable sepsis with shock, antibiotics should be given within the hour; where sepsis is possible without shock, a rapid assessment of up to three hours to establish the diagnosis is acceptable. Choose the antibiotic by the likely source, local resistance patterns and recent antibiotic exposure, and review it at 48 hours.',
              'Source control - draining an abscess, relieving an obstructed urinary tract, removing an infected line - is part of resuscitation, not something to arrange for the next working day.',
            ],
          },
          {
            title: 'Vasopressors and calling critical care',
            minutes: 14,
            body: [
              'Noradrenaline is the first-line vasopressor. It can be started through a well-sited peripheral cannula while central access is arranged; do not let a missing central line delay it. Add vasopressin when noradrenaline requirements climb, and consider hydrocortisone for ongoing vasopressor need.',
              'Call critical care early: for septic shock, a lactate that does not fall, rising oxygen requirements, a falling level of consciousness, or when you are unsure. A good referral gives the working diagnosis, the observations and their trend, what has been given and when, and a clear question.',
              'Discuss ceilings of treatment with the patient and family while there is time to do so calmly, and document the decision.',
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'practice-finance-for-doctors',
    title: 'Practice finance for doctors',
    summary: 'Read your practice accounts, price your time, and plan tax, pension and investments with confidence.',
    description: [
      'Doctors are trained for years to make decisions about patients and hardly at all to make decisions about money. This course covers what a doctor in private practice or a partnership needs: how to read a profit and loss account, what a service really costs, how to think about tax and pensions, and how to invest without paying too much for it.',
      'It gives no individual financial advice. It gives you the vocabulary and the questions to ask an accountant or an adviser, and the numbers to check their answers.',
    ],
    level: 'introductory',
    pricing: 'paid',
    price: { amount: 14900, currency: 'usd' },
    creditHours: 2,
    tags: ['finance', 'practice management', 'tax', 'investing'],
    colour: '#1f4e79',
    modules: [
      {
        title: 'Reading your numbers',
        summary: 'Accounts and cash flow.',
        lessons: [
          {
            title: 'The profit and loss account in plain words',
            minutes: 14,
            preview: true,
            body: [
              'A profit and loss account answers one question: over a period, did the practice earn more than it spent? Revenue sits at the top (fees, contracts, insurance payments), direct costs below it (consumables, locums, laboratory fees), then overheads (rent, staff, insurance, software), and finally the profit that partners share or the owner takes.',
              'Two ratios tell you most of what you need. The gross margin (revenue minus direct costs, as a share of revenue) shows whether each consultation is worth doing at its price. The overhead ratio (overheads as a share of revenue) shows whether the practice is carrying too much fixed cost; in many outpatient practices it sits between 50 and 65 percent.',
              'Read the accounts next to last year\'s. A number that moved by more than a tenth deserves a question to your accountant, and the answer deserves to be understood.',
            ],
          },
          {
            title: 'Cash flow is not profit',
            minutes: 12,
            body: [
              'A practice can be profitable on paper and still run out of cash: insurers pay months after the consultation, tax falls due in lumps, and equipment is bought up front but depreciated over years. The cash flow statement shows where money actually went.',
              'Keep a rolling thirteen-week cash forecast: money in, money out, balance at the end of each week. It takes an hour to build in a spreadsheet, a few minutes a week to maintain, and it turns a surprise into a decision you make in advance.',
              'Hold a reserve of at least three months of fixed costs. It is the difference between negotiating calmly and borrowing expensively.',
            ],
          },
        ],
      },
      {
        title: 'Pricing your time',
        summary: 'What a consultation really costs.',
        lessons: [
          {
            title: 'The true cost of a consultation',
            minutes: 15,
            body: [
              'Divide the year\'s overheads by the number of clinical hours you actually deliver - after holidays, training, administration and empty slots - and you have the fixed cost of one clinical hour. Add the direct costs of the service and a fair return for your own time, and you have the price below which the service loses money.',
              'Most doctors who do this for the first time find that a few services subsidise the others. That may be a deliberate choice; it should never be an accident.',
              'Revisit prices yearly. Costs rise every year with wages and rent; a fee that stays the same is a fee that falls.',
            ],
          },
        ],
      },
      {
        title: 'Your own money',
        summary: 'Tax, pensions and investing.',
        lessons: [
          {
            title: 'Pensions and tax: the questions to ask',
            minutes: 14,
            body: [
              'Pension contributions are, in most countries, the most tax-efficient saving a doctor can make, but the rules on annual and lifetime allowances, tapering and employer contributions are complex and change often. Ask your adviser three questions every year: how much can I contribute this year without a tax charge, what is my projected pension at my intended retirement age, and what happens if I retire earlier?',
              'Keep records of every contribution and every statement. Mistakes in pension administration are common, and you are the person most motivated to find them.',
            ],
          },
          {
            title: 'Investing without paying too much',
            minutes: 16,
            body: [
              'Over long periods, costs are the most reliable predictor of an investment\'s net return. A fund charging 1.5% a year instead of 0.2% gives up roughly a quarter of the final value over thirty years. Broad, low-cost index funds held for decades beat most actively managed funds after fees.',
              'Decide your allocation between shares and bonds by when you will need the money and how you will behave when markets fall, then rebalance once a year. Be wary of anything sold to doctors specifically: products designed for a profession are often designed around its income rather than its interest.',
              'Before investing at all, pay off expensive debt, build the cash reserve, and make sure you have adequate income protection. Your ability to work is your largest financial asset.',
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'breaking-bad-news',
    title: 'Breaking bad news: a practical approach',
    summary: 'A structure for the hardest conversations in medicine, with the words that help and the ones that hurt.',
    description: [
      'Breaking bad news well is a skill, not a gift. This course teaches the SPIKES structure, shows how to respond to emotion, and covers the particular difficulties of telephone conversations and of talking with families.',
      'It is for any doctor who gives diagnoses, results or prognoses - which is to say, every doctor.',
    ],
    specialty: 'family-medicine',
    level: 'intermediate',
    pricing: 'free',
    creditHours: 2,
    tags: ['communication', 'palliative care', 'SPIKES'],
    colour: '#4b5d2a',
    modules: [
      {
        title: 'A structure for the conversation',
        summary: 'The SPIKES protocol.',
        lessons: [
          {
            title: 'Setting and perception',
            minutes: 12,
            preview: true,
            body: [
              'Prepare before you enter the room: read the notes, know the result, know what can be offered next. Find a private place, sit down, silence your phone and ask the patient who they would like to have with them. These steps take minutes and are remembered for years.',
              'Start by asking what the patient already understands: "What have you been told so far about the scan?" The answer tells you where to begin, what words they use and how far their expectations are from the news you carry.',
              'Then ask how much they want to know. Most patients want full information; some want the broad picture and prefer the details to go to a relative. Respecting that choice is part of telling the truth well.',
            ],
          },
          {
            title: 'Knowledge, emotion and strategy',
            minutes: 15,
            body: [
              'Give a warning shot ("I\'m afraid the results are not what we hoped"), then the news in plain words, in small pieces, without jargon. Pause. Silence is not a failure; it is the time the patient needs to take in what you said.',
              'Respond to emotion before information. Name what you see ("This is a shock"), acknowledge it, and wait. Patients who are overwhelmed do not hear treatment plans; they hear them later, when they are ready, and it is kinder to offer a second meeting than to press on.',
              'Close with a plan: what happens next, when, and who to call. Summarise, check understanding, and write down the key points for the patient to take home.',
            ],
          },
        ],
      },
      {
        title: 'Difficult situations',
        summary: 'Telephone conversations and families.',
        lessons: [
          {
            title: 'News by telephone, and collusion',
            minutes: 14,
            body: [
              'Some news has to be given by telephone. Confirm who you are speaking to, ask whether it is a good moment and whether they are somewhere they can talk, and offer to call back if not. Without faces, check understanding more often and say explicitly what you are pausing for.',
              'Families sometimes ask that a patient not be told. Explore the fear behind the request - usually that the truth will take away hope - and explain that you will not force information on the patient, but that you cannot lie to them if they ask. Most families are relieved, in the end, to share the burden.',
            ],
          },
        ],
      },
    ],
  },
]

/**
 * The slugs of the demo courses. Seeds of other lesson kinds (video, quiz, SCORM, live) add their
 * lessons to these courses by slug.
 */
export const DEMO_COURSE_SLUGS = DEMO_COURSES.map((c) => c.slug)
