'use client'

import { createContext, useContext } from 'react'

import type { CardAuthor, PostCardData } from '@/domain/social/postCards'

/** What a card may do to the list it is in: the viewer, and putting a new post (a quote, a repost) on top. */
export type PostListApi = {
  me: CardAuthor | null
  prepend: (card: PostCardData) => void
  remove: (id: number) => void
}

export const PostListContext = createContext<PostListApi>({ me: null, prepend: () => {}, remove: () => {} })

export const usePostList = () => useContext(PostListContext)
