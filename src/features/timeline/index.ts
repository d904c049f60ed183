/** The year slider and Play: the timeline under the map. */
export { Timeline } from './timeline';
