-- The schema of the agent release before migrations (commit fe7a426), statement for statement. A database file
-- written by that release already has it and is baselined at version 1 instead of running this file.
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  region TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  operation_code TEXT NOT NULL,
  object_code TEXT,
  funding_source TEXT,
  value TEXT NOT NULL,
  reference_id TEXT,
  payload BLOB NOT NULL,
  state TEXT NOT NULL,
  warnings TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER);
CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, seq);
CREATE INDEX IF NOT EXISTS outbox_progress ON outbox(kind, operation_code, region, fiscal_year, seq);
-- running totals per budget line, kept in the saving transaction: the budget rule reads them once per report
CREATE TABLE IF NOT EXISTS spend_total (
  fiscal_year INTEGER NOT NULL,
  operation_code TEXT NOT NULL,
  object_code TEXT NOT NULL,
  funding_source TEXT NOT NULL,
  total TEXT NOT NULL,
  PRIMARY KEY (fiscal_year, operation_code, object_code, funding_source));
CREATE TABLE IF NOT EXISTS outcome (
  message_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  findings TEXT,
  processed_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS plan_operation (
  fiscal_year INTEGER NOT NULL,
  code TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  PRIMARY KEY (fiscal_year, code));
CREATE TABLE IF NOT EXISTS plan_budget_line (
  fiscal_year INTEGER NOT NULL,
  operation_code TEXT NOT NULL,
  object_code TEXT NOT NULL,
  funding_source TEXT NOT NULL,
  amount TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS status (key TEXT PRIMARY KEY, value TEXT);
