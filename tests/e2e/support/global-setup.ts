import { buildClient, clientIsStale } from '../../../scripts/client-build';

/** The browser tests run against the built H5, exactly as `npm start` serves it. */
export default async function setup() {
  if (clientIsStale()) await buildClient();
}
