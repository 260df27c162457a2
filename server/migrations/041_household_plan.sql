-- 一户一策: the measures of one household's plan. A referral measure may point at the case's referral (then a
-- partner's answer moves it) or, accepted from a suggestion before anyone referred, only at the resource.
-- title holds no personal data (library names or a short staff line checked for ID and phone numbers).
CREATE TABLE plan_measures (
  id INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES households(id),
  kind TEXT NOT NULL CHECK (kind IN ('policy', 'referral', 'visit', 'wish')),
  title TEXT NOT NULL,
  policy_id TEXT,
  resource_id INTEGER REFERENCES resources(id),
  referral_id INTEGER REFERENCES referrals(id),
  case_id INTEGER REFERENCES cases(id),
  owner_id INTEGER NOT NULL REFERENCES staff_users(id),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'under_way', 'done', 'not_possible')),
  reason TEXT,
  suggestion_key TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX plan_measures_household ON plan_measures(household_id, id);
CREATE INDEX plan_measures_referral ON plan_measures(referral_id);
CREATE INDEX plan_measures_resource ON plan_measures(resource_id, status);

-- Suggestions staff chose not to take: they are not offered again.
CREATE TABLE plan_dropped_suggestions (
  household_id INTEGER NOT NULL REFERENCES households(id),
  suggestion_key TEXT NOT NULL,
  dropped_by TEXT NOT NULL,
  dropped_at TEXT NOT NULL,
  PRIMARY KEY (household_id, suggestion_key)
);
