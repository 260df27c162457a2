-- New cases now arrive with level_rank and the phone/ID tails already filled (the cases repository's
-- INSERT computes them), so the AFTER INSERT triggers of migrations 003 and 011 only repair rows written
-- without them. Before, every intake rewrote the new row twice and re-indexed it.
-- The CASE below is RISK_RANK in shared/cases/risk.ts; server/repositories/case-queue.test.ts checks they agree.
DROP TRIGGER cases_level_rank_insert;
CREATE TRIGGER cases_level_rank_insert AFTER INSERT ON cases
  WHEN NEW.level_rank IS NOT (CASE NEW.level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END)
BEGIN
  UPDATE cases SET level_rank = CASE NEW.level WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'blue' THEN 1 ELSE 0 END WHERE id = NEW.id;
END;

DROP TRIGGER cases_tails_insert;
CREATE TRIGGER cases_tails_insert AFTER INSERT ON cases
  WHEN NEW.phone_tail IS NOT substr(NEW.phone_masked, -4) OR NEW.id_tail IS NOT substr(NEW.id_masked, -4)
BEGIN
  UPDATE cases SET phone_tail = substr(NEW.phone_masked, -4), id_tail = substr(NEW.id_masked, -4) WHERE id = NEW.id;
END;
