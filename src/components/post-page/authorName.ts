/** "Dr Ada Cardio": the honorific, when the member gave one, before the name. */
export const authorName = (a: { name: string; honorific?: string | null }) => (a.honorific ? `${a.honorific} ${a.name}` : a.name)
