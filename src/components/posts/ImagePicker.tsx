'use client'

import { useEffect, useRef } from 'react'

import styles from './posts.module.css'

export const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/gif,image/avif'
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
export const MAX_IMAGES = 10

/** An image chosen in the composer: the local file until it is uploaded, then its media id. */
export type PickedImage = { key: string; file: File; preview: string; alt: string; mediaId?: number }

type Props = { images: PickedImage[]; onChange: (images: PickedImage[]) => void; disabled?: boolean }

/** Thumbnails of the chosen images, each with its description (alt text) and a remove button. */
export function ImagePreviews({ images, onChange, disabled }: Props) {
  const previews = useRef(new Set<string>())
  // Local previews are released when their image leaves the composer, and when it unmounts.
  useEffect(() => {
    const live = new Set(images.map((i) => i.preview))
    for (const url of previews.current) if (!live.has(url)) URL.revokeObjectURL(url)
    previews.current = live
  }, [images])
  useEffect(() => () => previews.current.forEach((url) => URL.revokeObjectURL(url)), [])

  if (!images.length) return null
  return (
    <ul className={styles.previews} aria-label="Images to post">
      {images.map((img, i) => (
        <li key={img.key} className={`${styles.preview} ${disabled ? styles.uploading : ''}`}>
          <img src={img.preview} alt="" />
          <button
            type="button"
            className={styles.previewRemove}
            onClick={() => onChange(images.filter((x) => x.key !== img.key))}
            disabled={disabled}
          >
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Remove image {i + 1}</span>
          </button>
          <label className="visually-hidden" htmlFor={`alt-${img.key}`}>
            Description of image {i + 1}
          </label>
          <input
            id={`alt-${img.key}`}
            className="input"
            placeholder="Describe it"
            maxLength={300}
            value={img.alt}
            disabled={disabled || img.mediaId !== undefined}
            onChange={(e) => onChange(images.map((x) => (x.key === img.key ? { ...x, alt: e.target.value } : x)))}
          />
        </li>
      ))}
    </ul>
  )
}

/** Adds chosen files, refusing what the server would refuse; returns the problem, if any. */
export function addFiles(images: PickedImage[], files: FileList | null): { images: PickedImage[]; problem: string | null } {
  const next = [...images]
  let problem: string | null = null
  for (const file of Array.from(files ?? [])) {
    if (!IMAGE_TYPES.split(',').includes(file.type)) problem = `${file.name} is not an image we take: JPEG, PNG, WebP, GIF or AVIF.`
    else if (file.size > MAX_IMAGE_BYTES) problem = `${file.name} is larger than 10 MB.`
    else if (next.length >= MAX_IMAGES) problem = `A post holds at most ${MAX_IMAGES} images.`
    else next.push({ key: `${Date.now()}-${Math.random().toString(36).slice(2)}`, file, preview: URL.createObjectURL(file), alt: '' })
  }
  return { images: next, problem }
}
