export default function Home() {
  return <main><h1>Rounds</h1></main>
}
