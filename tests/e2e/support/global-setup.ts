import { buildStale } from '../../../scripts/build.mjs';

/** The browser tests run against the built H5 and server bundle, exactly as `npm start` serves them. */
export default async function setup() {
  await buildStale();
}
