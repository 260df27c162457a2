const none = { text: '正常', risk: false };

/** A home visit's findings with nothing wrong in any of the six dimensions; spread and override one to flag it. */
export const CALM_FINDINGS = { economy: none, health: none, education: none, housing: none, employment: none, needs: none };
