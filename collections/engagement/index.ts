export { PointEvents } from './PointEvents'
export { Recommendations } from './Recommendations'
