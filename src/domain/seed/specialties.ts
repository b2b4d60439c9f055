/**
 * Master data: medical specialties and their sub-specialties. The slug is the stable key: a name or
 * a parent may change here and the next start updates the row; a slug must never be reused.
 *
 * `practitioner` names the doctor ("cardiologist") and `interests` are typical clinical interests;
 * the demo seed uses both to write titles and bios.
 */
export type SpecialtySeed = {
  slug: string
  name: string
  practitioner: string
  description: string
  interests: string[]
  children?: SpecialtySeed[]
}

const s = (
  slug: string,
  name: string,
  practitioner: string,
  description: string,
  interests: string[],
  children?: SpecialtySeed[],
): SpecialtySeed => ({ slug, name, practitioner, description, interests, children })

export const SPECIALTIES: SpecialtySeed[] = [
  s('internal-medicine', 'Internal Medicine', 'internist', 'Diagnosis and non-surgical care of adult disease.', ['acute medicine', 'multimorbidity', 'perioperative medicine'], [
    s('cardiology', 'Cardiology', 'cardiologist', 'Disorders of the heart and circulation.', ['heart failure', 'cardiac imaging', 'atrial fibrillation']),
    s('interventional-cardiology', 'Interventional Cardiology', 'interventional cardiologist', 'Catheter-based treatment of coronary and structural heart disease.', ['primary PCI', 'structural heart intervention', 'chronic total occlusions']),
    s('gastroenterology', 'Gastroenterology', 'gastroenterologist', 'Disorders of the digestive tract, liver and pancreas.', ['inflammatory bowel disease', 'therapeutic endoscopy', 'hepatology']),
    s('nephrology', 'Nephrology', 'nephrologist', 'Kidney disease, dialysis and transplantation.', ['chronic kidney disease', 'hemodialysis', 'glomerulonephritis']),
    s('pulmonology', 'Pulmonology', 'respiratory physician', 'Disorders of the lungs and airways.', ['asthma', 'interstitial lung disease', 'sleep-disordered breathing']),
    s('endocrinology', 'Endocrinology and Diabetes', 'endocrinologist', 'Hormonal and metabolic disorders, including diabetes.', ['type 1 diabetes technology', 'thyroid disease', 'obesity medicine']),
    s('rheumatology', 'Rheumatology', 'rheumatologist', 'Inflammatory and autoimmune disease of joints and connective tissue.', ['rheumatoid arthritis', 'vasculitis', 'lupus']),
    s('infectious-diseases', 'Infectious Diseases', 'infectious diseases physician', 'Diagnosis and treatment of infections; antimicrobial stewardship.', ['antimicrobial stewardship', 'HIV medicine', 'travel medicine']),
    s('hematology', 'Hematology', 'hematologist', 'Disorders of the blood, bone marrow and clotting.', ['anticoagulation', 'lymphoma', 'hemoglobinopathies']),
    s('medical-oncology', 'Medical Oncology', 'medical oncologist', 'Systemic treatment of cancer.', ['breast cancer', 'immunotherapy', 'early-phase clinical trials']),
    s('geriatric-medicine', 'Geriatric Medicine', 'geriatrician', 'Care of older people with frailty and complex needs.', ['frailty', 'falls prevention', 'delirium']),
    s('allergy-immunology', 'Allergy and Clinical Immunology', 'allergist', 'Allergic disease and disorders of the immune system.', ['food allergy', 'drug allergy', 'primary immunodeficiency']),
  ]),
  s('surgery', 'General Surgery', 'general surgeon', 'Operative care of the abdomen, soft tissues and emergencies.', ['emergency general surgery', 'hernia surgery', 'laparoscopic surgery'], [
    s('cardiothoracic-surgery', 'Cardiothoracic Surgery', 'cardiothoracic surgeon', 'Surgery of the heart, lungs and chest.', ['coronary artery bypass grafting', 'valve repair', 'lung cancer surgery']),
    s('vascular-surgery', 'Vascular Surgery', 'vascular surgeon', 'Surgery of arteries, veins and lymphatics.', ['aortic aneurysm repair', 'limb salvage', 'venous disease']),
    s('colorectal-surgery', 'Colorectal Surgery', 'colorectal surgeon', 'Surgery of the colon, rectum and anus.', ['bowel cancer surgery', 'robotic surgery', 'pelvic floor disorders']),
    s('hepatobiliary-surgery', 'Hepatobiliary and Pancreatic Surgery', 'HPB surgeon', 'Surgery of the liver, bile ducts and pancreas.', ['pancreatic cancer', 'liver resection', 'gallstone disease']),
    s('breast-surgery', 'Breast Surgery', 'breast surgeon', 'Surgery for breast cancer and benign breast disease.', ['oncoplastic surgery', 'sentinel node biopsy', 'breast reconstruction']),
    s('plastic-surgery', 'Plastic and Reconstructive Surgery', 'plastic surgeon', 'Reconstruction of form and function after injury, cancer or birth defects.', ['microsurgery', 'burns care', 'hand trauma']),
    s('transplant-surgery', 'Transplant Surgery', 'transplant surgeon', 'Kidney, liver and pancreas transplantation.', ['kidney transplantation', 'living donation', 'organ preservation']),
    s('trauma-surgery', 'Trauma Surgery', 'trauma surgeon', 'Operative care of the severely injured.', ['major trauma', 'damage control surgery', 'trauma systems']),
    s('bariatric-surgery', 'Bariatric Surgery', 'bariatric surgeon', 'Surgery for severe obesity and metabolic disease.', ['sleeve gastrectomy', 'metabolic surgery', 'revisional surgery']),
  ]),
  s('pediatrics', 'Pediatrics', 'pediatrician', 'Health and illness of infants, children and adolescents.', ['general pediatrics', 'child development', 'adolescent health'], [
    s('neonatology', 'Neonatology', 'neonatologist', 'Care of newborn infants, especially the premature and sick.', ['extreme prematurity', 'neonatal ventilation', 'neonatal nutrition']),
    s('pediatric-cardiology', 'Pediatric Cardiology', 'pediatric cardiologist', 'Congenital and acquired heart disease in children.', ['congenital heart disease', 'fetal echocardiography', 'Kawasaki disease']),
    s('pediatric-oncology', 'Pediatric Oncology', 'pediatric oncologist', 'Cancer in children and young people.', ['childhood leukemia', 'brain tumors in children', 'survivorship care']),
    s('pediatric-neurology', 'Pediatric Neurology', 'pediatric neurologist', 'Disorders of the nervous system in children.', ['childhood epilepsy', 'neuromuscular disease', 'neurodevelopmental disorders']),
    s('pediatric-emergency-medicine', 'Pediatric Emergency Medicine', 'pediatric emergency physician', 'Emergency care of children.', ['pediatric resuscitation', 'sepsis recognition', 'safeguarding']),
  ]),
  s('psychiatry', 'Psychiatry', 'psychiatrist', 'Diagnosis and treatment of mental illness.', ['psychosis', 'mood disorders', 'liaison psychiatry'], [
    s('child-adolescent-psychiatry', 'Child and Adolescent Psychiatry', 'child and adolescent psychiatrist', 'Mental health of children and young people.', ['eating disorders', 'ADHD', 'early intervention']),
    s('addiction-psychiatry', 'Addiction Psychiatry', 'addiction psychiatrist', 'Substance use and behavioral addictions.', ['opioid substitution therapy', 'alcohol use disorder', 'dual diagnosis']),
    s('forensic-psychiatry', 'Forensic Psychiatry', 'forensic psychiatrist', 'Mental illness and the law.', ['risk assessment', 'secure care', 'court reports']),
    s('old-age-psychiatry', 'Old Age Psychiatry', 'old age psychiatrist', 'Mental illness in later life, including dementia.', ['dementia care', 'late-life depression', 'memory clinics']),
  ]),
  s('radiology', 'Radiology', 'radiologist', 'Diagnosis by medical imaging.', ['cross-sectional imaging', 'musculoskeletal imaging', 'AI in imaging'], [
    s('interventional-radiology', 'Interventional Radiology', 'interventional radiologist', 'Image-guided minimally invasive treatment.', ['embolization', 'tumor ablation', 'venous access']),
    s('neuroradiology', 'Neuroradiology', 'neuroradiologist', 'Imaging of the brain, spine, head and neck.', ['stroke imaging', 'mechanical thrombectomy', 'brain tumor imaging']),
    s('nuclear-medicine', 'Nuclear Medicine', 'nuclear medicine physician', 'Diagnosis and therapy with radioactive tracers.', ['PET-CT', 'theranostics', 'thyroid therapy']),
    s('breast-imaging', 'Breast Imaging', 'breast radiologist', 'Screening and diagnostic imaging of the breast.', ['screening mammography', 'breast MRI', 'image-guided biopsy']),
    s('pediatric-radiology', 'Pediatric Radiology', 'pediatric radiologist', 'Imaging of infants and children.', ['pediatric ultrasound', 'low-dose CT', 'non-accidental injury imaging']),
  ]),
  s('anesthesiology', 'Anesthesiology', 'anesthesiologist', 'Anesthesia and perioperative care.', ['regional anesthesia', 'airway management', 'perioperative medicine'], [
    s('pain-medicine', 'Pain Medicine', 'pain medicine physician', 'Assessment and treatment of acute and chronic pain.', ['chronic pain', 'neuromodulation', 'cancer pain']),
    s('cardiac-anesthesiology', 'Cardiac Anesthesiology', 'cardiac anesthesiologist', 'Anesthesia for heart and great-vessel surgery.', ['transesophageal echocardiography', 'cardiopulmonary bypass', 'ECMO']),
    s('pediatric-anesthesiology', 'Pediatric Anesthesiology', 'pediatric anesthesiologist', 'Anesthesia for infants and children.', ['neonatal anesthesia', 'pediatric airway', 'sedation']),
    s('obstetric-anesthesiology', 'Obstetric Anesthesiology', 'obstetric anesthesiologist', 'Anesthesia and analgesia in pregnancy and childbirth.', ['labor analgesia', 'cesarean section anesthesia', 'maternal critical care']),
  ]),
  s('intensive-care-medicine', 'Intensive Care Medicine', 'intensivist', 'Care of critically ill patients.', ['sepsis', 'mechanical ventilation', 'ICU follow-up']),
  s('emergency-medicine', 'Emergency Medicine', 'emergency physician', 'Unscheduled care of acute illness and injury.', ['resuscitation', 'point-of-care ultrasound', 'emergency department flow'], [
    s('medical-toxicology', 'Medical Toxicology', 'medical toxicologist', 'Poisoning, overdose and envenomation.', ['overdose management', 'antidotes', 'drugs of abuse']),
    s('prehospital-medicine', 'Prehospital Emergency Medicine', 'prehospital physician', 'Emergency care before hospital, including air ambulance.', ['air ambulance medicine', 'major incident response', 'prehospital anesthesia']),
  ]),
  s('family-medicine', 'Family Medicine', 'family physician', 'First-contact, continuing care for people of all ages.', ['chronic disease management', "women's health", 'minor surgery'], [
    s('sports-medicine', 'Sports and Exercise Medicine', 'sports medicine physician', 'Exercise, injury and performance.', ['sports injuries', 'exercise prescription', 'concussion']),
    s('rural-medicine', 'Rural and Remote Medicine', 'rural generalist', 'Generalist care far from specialist centers.', ['remote emergency care', 'telehealth', 'obstetric care in rural settings']),
  ]),
  s('obstetrics-gynecology', 'Obstetrics and Gynecology', 'obstetrician and gynecologist', "Pregnancy, childbirth and women's reproductive health.", ['labor and delivery', 'endometriosis', 'contraception'], [
    s('maternal-fetal-medicine', 'Maternal-Fetal Medicine', 'maternal-fetal medicine specialist', 'High-risk pregnancy.', ['pre-eclampsia', 'fetal growth restriction', 'multiple pregnancy']),
    s('reproductive-medicine', 'Reproductive Endocrinology and Infertility', 'fertility specialist', 'Infertility and reproductive hormones.', ['IVF', 'polycystic ovary syndrome', 'fertility preservation']),
    s('gynecologic-oncology', 'Gynecologic Oncology', 'gynecologic oncologist', 'Cancers of the female reproductive tract.', ['ovarian cancer surgery', 'cervical screening', 'robotic hysterectomy']),
    s('urogynecology', 'Urogynecology', 'urogynecologist', 'Pelvic floor disorders and incontinence in women.', ['pelvic organ prolapse', 'urinary incontinence', 'perineal trauma']),
  ]),
  s('dermatology', 'Dermatology', 'dermatologist', 'Disease of the skin, hair and nails.', ['psoriasis', 'skin cancer', 'eczema'], [
    s('dermatopathology', 'Dermatopathology', 'dermatopathologist', 'Microscopic diagnosis of skin disease.', ['melanocytic lesions', 'inflammatory dermatoses', 'cutaneous lymphoma']),
    s('pediatric-dermatology', 'Pediatric Dermatology', 'pediatric dermatologist', 'Skin disease in children.', ['atopic eczema in children', 'vascular birthmarks', 'genetic skin disease']),
    s('dermatologic-surgery', 'Dermatologic Surgery', 'dermatological surgeon', 'Surgical treatment of skin cancer and other skin disease.', ['micrographic surgery', 'skin cancer excision', 'laser dermatology']),
  ]),
  s('neurology', 'Neurology', 'neurologist', 'Disorders of the brain, spinal cord, nerves and muscle.', ['multiple sclerosis', 'headache', 'neuro-inflammation'], [
    s('vascular-neurology', 'Vascular Neurology', 'stroke physician', 'Stroke and cerebrovascular disease.', ['hyperacute stroke', 'thrombolysis', 'stroke prevention']),
    s('epileptology', 'Epilepsy', 'epileptologist', 'Seizures and epilepsy.', ['drug-resistant epilepsy', 'EEG', 'epilepsy surgery']),
    s('movement-disorders', 'Movement Disorders', 'movement disorders neurologist', "Parkinson's disease, tremor and dystonia.", ["Parkinson's disease", 'deep brain stimulation', 'botulinum toxin therapy']),
    s('neuromuscular-medicine', 'Neuromuscular Medicine', 'neuromuscular neurologist', 'Disease of peripheral nerves and muscle.', ['motor neurone disease', 'myasthenia gravis', 'neurophysiology']),
  ]),
  s('neurosurgery', 'Neurosurgery', 'neurosurgeon', 'Surgery of the brain, spine and peripheral nerves.', ['neuro-oncology', 'skull base surgery', 'hydrocephalus']),
  s('pathology', 'Pathology', 'pathologist', 'Diagnosis of disease from tissue, cells and body fluids.', ['digital pathology', 'molecular diagnostics', 'laboratory quality'], [
    s('histopathology', 'Histopathology', 'histopathologist', 'Diagnosis from tissue under the microscope.', ['gastrointestinal pathology', 'breast pathology', 'digital pathology']),
    s('cytopathology', 'Cytopathology', 'cytopathologist', 'Diagnosis from cells.', ['cervical cytology', 'fine-needle aspiration', 'thyroid cytology']),
    s('forensic-pathology', 'Forensic Pathology', 'forensic pathologist', 'Medicolegal investigation of death.', ['post-mortem examination', 'injury interpretation', 'expert testimony']),
    s('medical-microbiology', 'Medical Microbiology', 'medical microbiologist', 'Laboratory diagnosis and control of infection.', ['infection prevention and control', 'antimicrobial resistance', 'molecular microbiology']),
  ]),
  s('ophthalmology', 'Ophthalmology', 'ophthalmologist', 'Medical and surgical eye care.', ['cataract surgery', 'diabetic eye disease', 'uveitis'], [
    s('vitreoretinal-surgery', 'Vitreoretinal Surgery', 'vitreoretinal surgeon', 'Disease of the retina and vitreous.', ['retinal detachment', 'macular degeneration', 'intravitreal injections']),
    s('glaucoma', 'Glaucoma', 'glaucoma specialist', 'Diagnosis and treatment of glaucoma.', ['minimally invasive glaucoma surgery', 'visual field testing', 'trabeculectomy']),
    s('cornea-external-disease', 'Cornea and External Eye Disease', 'corneal surgeon', 'Disease of the cornea and ocular surface.', ['corneal transplantation', 'keratoconus', 'dry eye disease']),
    s('pediatric-ophthalmology', 'Pediatric Ophthalmology and Strabismus', 'pediatric ophthalmologist', 'Eye disease in children and strabismus in all ages.', ['amblyopia', 'strabismus surgery', 'retinopathy of prematurity']),
  ]),
  s('orthopaedics', 'Orthopaedics', 'orthopaedic surgeon', 'Disorders and injuries of bones, joints and the musculoskeletal system.', ['fracture care', 'joint preservation', 'orthopaedic trauma'], [
    s('spine-surgery', 'Spine Surgery', 'spine surgeon', 'Surgery of the spine.', ['degenerative spine disease', 'spinal deformity', 'minimally invasive spine surgery']),
    s('arthroplasty', 'Hip and Knee Arthroplasty', 'arthroplasty surgeon', 'Joint replacement of the hip and knee.', ['hip replacement', 'knee replacement', 'revision arthroplasty']),
    s('sports-orthopaedics', 'Sports Orthopaedics', 'sports orthopaedic surgeon', 'Arthroscopic and reconstructive surgery for sports injuries.', ['ACL reconstruction', 'shoulder instability', 'cartilage repair']),
    s('hand-surgery', 'Hand and Upper Limb Surgery', 'hand surgeon', 'Surgery of the hand, wrist and elbow.', ['carpal tunnel syndrome', 'tendon repair', 'wrist fractures']),
    s('pediatric-orthopaedics', 'Pediatric Orthopaedics', 'pediatric orthopaedic surgeon', 'Musculoskeletal conditions of children.', ['clubfoot', 'developmental dysplasia of the hip', 'limb deformity']),
  ]),
  s('otolaryngology', 'Otolaryngology (ENT)', 'ENT surgeon', 'Disorders of the ear, nose, throat, head and neck.', ['pediatric ENT', 'voice disorders', 'sinus surgery'], [
    s('head-neck-surgery', 'Head and Neck Surgery', 'head and neck surgeon', 'Surgery for head and neck cancer.', ['oral cancer', 'thyroid surgery', 'transoral robotic surgery']),
    s('rhinology', 'Rhinology', 'rhinologist', 'Disease of the nose and sinuses.', ['chronic rhinosinusitis', 'endoscopic sinus surgery', 'smell disorders']),
    s('otology', 'Otology and Neurotology', 'otologist', 'Disease of the ear and lateral skull base.', ['cochlear implants', 'chronic ear surgery', 'vestibular disorders']),
  ]),
  s('urology', 'Urology', 'urologist', 'Disorders of the urinary tract and male reproductive organs.', ['kidney stones', 'benign prostatic enlargement', 'functional urology'], [
    s('urologic-oncology', 'Urologic Oncology', 'uro-oncologist', 'Cancers of the prostate, bladder, kidney and testis.', ['prostate cancer', 'robotic prostatectomy', 'bladder cancer']),
    s('andrology', 'Andrology', 'andrologist', 'Male reproductive and sexual health.', ['male infertility', 'erectile dysfunction', "Peyronie's disease"]),
    s('pediatric-urology', 'Pediatric Urology', 'pediatric urologist', 'Urological conditions of children.', ['hypospadias', 'vesicoureteric reflux', 'undescended testes']),
  ]),
  s('radiation-oncology', 'Radiation Oncology', 'clinical oncologist', 'Treatment of cancer with radiotherapy.', ['stereotactic radiotherapy', 'head and neck cancer', 'proton therapy']),
  s('palliative-medicine', 'Palliative Medicine', 'palliative medicine physician', 'Care of people with life-limiting illness and their families.', ['symptom control', 'advance care planning', 'end-of-life care']),
  s('physical-medicine-rehabilitation', 'Physical Medicine and Rehabilitation', 'rehabilitation physician', 'Restoring function after illness or injury.', ['spinal cord injury', 'brain injury rehabilitation', 'amputee rehabilitation']),
  s('public-health', 'Public Health and Preventive Medicine', 'public health physician', 'Health of populations and prevention of disease.', ['vaccination programs', 'health protection', 'health inequalities']),
  s('occupational-medicine', 'Occupational Medicine', 'occupational physician', 'Health and work.', ['fitness for work', 'workplace mental health', 'occupational lung disease']),
  s('clinical-genetics', 'Clinical Genetics', 'clinical geneticist', 'Diagnosis and counselling for inherited conditions.', ['cancer genetics', 'genomic medicine', 'rare disease diagnosis']),
  s('clinical-pharmacology', 'Clinical Pharmacology and Therapeutics', 'clinical pharmacologist', 'Safe and effective use of medicines.', ['deprescribing', 'drug safety', 'clinical trials']),
]

/** Every entry, parents before their children. */
export function flattenSpecialties(list: SpecialtySeed[] = SPECIALTIES): Array<SpecialtySeed & { parentSlug?: string }> {
  return list.flatMap((parent) => [
    { ...parent },
    ...(parent.children ?? []).map((child) => ({ ...child, parentSlug: parent.slug })),
  ])
}
