import styles from './course.module.css'

/** A labelled progress bar (percent). */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.max(0, Math.min(100, Math.round(value)))
  return (
    <div className={styles.progress}>
      <div className={styles.progressTrack} role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
        <span className={styles.progressFill} style={{ width: `${percent}%` }} />
      </div>
      <span className={styles.progressText}>{percent}%</span>
    </div>
  )
}
