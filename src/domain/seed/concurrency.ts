/**
 * Runs `task` over `items` with at most `limit` in flight. Two is enough to keep two cores busy
 * (one hashing or resizing while the other waits on Postgres) without starving a starting server.
 */
export async function eachLimit<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0
  const worker = async () => {
    while (next < items.length) await task(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
