"""answer count: the figures' counts of completed reviews kept by the server (PostgreSQL)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

On PostgreSQL the applicable answers of completed reviews are counted per round, chosen
(the case is in chosen_case), case unit, case gender, item, value and compliance in
answer_count, kept exact by triggers in the writing transaction; a report adds up these
rows instead of reading every answer (docs/performance.md, issue 16). SQLite is unchanged.

Exactness: every write that changes what a count holds fires a trigger that subtracts the
old contribution and adds the new one. Answers: statement triggers with transition tables
(one ordered upsert per statement; the answers' reviews are locked FOR SHARE first, so a
status change of the review waits for the answers' transaction and then counts what it
wrote). Reviews, cases and chosen cases: a row trigger BEFORE the change subtracts the
row's reviews as stored, one AFTER adds them as they now are. A deleted case subtracts its
reviews before its cascade runs; the cascaded deletes then find no case and add nothing.
TRUNCATE recounts everything. The trigger functions run as the table owner (SECURITY
DEFINER): the counts hold every row, whoever wrote, and no role can write them directly.
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_KEY = "round_id, chosen, unit, gender, item_id, value, compliant"
_UPSERT = f"""
    ON CONFLICT ({_KEY}) DO UPDATE SET n = c.n + EXCLUDED.n"""
# a fixed order of the upserted keys: two transactions lock shared counts in the same order
_ORDER = "GROUP BY 1, 2, 3, 4, 5, 6, 7 {having} ORDER BY 1, 2, 3, 4, 5, 6, 7"
_DEFINER = "LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT"
_CHOSEN = "EXISTS (SELECT 1 FROM chosen_case h WHERE h.case_id = r.case_id)"

_TABLE = f"""
CREATE TABLE answer_count (
    round_id integer NOT NULL,
    chosen boolean NOT NULL,
    unit varchar(200) NOT NULL,
    gender varchar(10) NOT NULL,
    item_id varchar(100) NOT NULL,
    value varchar(200),
    compliant boolean,
    n bigint NOT NULL,
    CONSTRAINT ux_answer_count UNIQUE NULLS NOT DISTINCT ({_KEY})
)"""

# +sign x the applicable answers of these reviews, when complete, as the tables hold them now
_REVIEWS = f"""
CREATE FUNCTION granska_count_reviews(p_reviews integer[], p_sign integer) RETURNS void
{_DEFINER} AS $$
BEGIN
    INSERT INTO answer_count AS c (round_id, chosen, unit, gender, item_id, value,
                                   compliant, n)
    SELECT r.round_id, {_CHOSEN}, k.unit, k.gender, a.item_id, a.value, a.compliant,
           p_sign * count(*)
    FROM review r JOIN "case" k ON k.id = r.case_id JOIN answer a ON a.review_id = r.id
    WHERE r.id = ANY (p_reviews) AND r.status = 'complete' AND a.applicable
    {_ORDER.format(having="")}
    {_UPSERT};
END
$$"""

_REBUILD = f"""
CREATE FUNCTION granska_answer_count_rebuild() RETURNS void {_DEFINER} AS $$
BEGIN
    LOCK TABLE answer_count IN EXCLUSIVE MODE;
    DELETE FROM answer_count;
    INSERT INTO answer_count (round_id, chosen, unit, gender, item_id, value, compliant, n)
    SELECT r.round_id, {_CHOSEN}, k.unit, k.gender, a.item_id, a.value, a.compliant,
           count(*)
    FROM review r JOIN "case" k ON k.id = r.case_id JOIN answer a ON a.review_id = r.id
    WHERE r.status = 'complete' AND a.applicable
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
END
$$"""


def _answer_branch(parts: str, tables: str) -> str:
    return f"""
        PERFORM 1 FROM review WHERE id IN ({tables}) ORDER BY id FOR SHARE;
        INSERT INTO answer_count AS c (round_id, chosen, unit, gender, item_id, value,
                                       compliant, n)
        SELECT r.round_id, {_CHOSEN}, k.unit, k.gender, d.item_id, d.value, d.compliant,
               sum(d.n)
        FROM ({parts}) d
        JOIN review r ON r.id = d.review_id JOIN "case" k ON k.id = r.case_id
        WHERE r.status = 'complete'
        {_ORDER.format(having="HAVING sum(d.n) <> 0")}
        {_UPSERT};"""


_OLD = "SELECT review_id, item_id, value, compliant, -1 AS n FROM old_rows WHERE applicable"
_NEW = "SELECT review_id, item_id, value, compliant, 1 AS n FROM new_rows WHERE applicable"
_ANSWERS = f"""
CREATE FUNCTION granska_count_answers() RETURNS trigger {_DEFINER} AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {_answer_branch(_NEW, "SELECT review_id FROM new_rows")}
    ELSIF TG_OP = 'UPDATE' THEN
        {_answer_branch(f"{_OLD} UNION ALL {_NEW}",
                        "SELECT review_id FROM old_rows UNION SELECT review_id FROM new_rows")}
    ELSE
        {_answer_branch(_OLD, "SELECT review_id FROM old_rows")}
    END IF;
    RETURN NULL;
END
$$"""

# a review's own status, round or case changed: out with the old row, in with the new
_REVIEW_ROW = f"""
CREATE FUNCTION granska_count_review_row() RETURNS trigger {_DEFINER} AS $$
BEGIN
    IF TG_WHEN = 'BEFORE' THEN
        PERFORM granska_count_reviews(ARRAY[OLD.id], -1);
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    PERFORM granska_count_reviews(ARRAY[NEW.id], 1);
    RETURN NULL;
END
$$"""

# a case's unit or gender, or whether it is chosen, changed: its completed reviews move
_CASE_ROW = f"""
CREATE FUNCTION granska_count_case_row() RETURNS trigger {_DEFINER} AS $$
DECLARE
    v_case integer;
BEGIN
    IF TG_TABLE_NAME = 'case' THEN
        v_case := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSE
        v_case := CASE WHEN TG_OP = 'DELETE' THEN OLD.case_id ELSE NEW.case_id END;
    END IF;
    IF TG_WHEN = 'BEFORE' THEN
        IF TG_TABLE_NAME = 'chosen_case' AND TG_OP = 'UPDATE' THEN
            v_case := OLD.case_id;  -- the row leaves its old case
            PERFORM granska_count_reviews(ARRAY(SELECT id FROM review WHERE case_id = v_case),
                                          -1);
            v_case := NEW.case_id;
        END IF;
        PERFORM granska_count_reviews(ARRAY(SELECT id FROM review WHERE case_id = v_case), -1);
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF TG_TABLE_NAME = 'chosen_case' AND TG_OP = 'UPDATE' THEN
        PERFORM granska_count_reviews(ARRAY(SELECT id FROM review WHERE case_id = OLD.case_id),
                                      1);
    END IF;
    PERFORM granska_count_reviews(ARRAY(SELECT id FROM review WHERE case_id = v_case), 1);
    RETURN NULL;
END
$$"""

_REBUILD_TRIGGER = f"""
CREATE FUNCTION granska_answer_count_truncated() RETURNS trigger {_DEFINER} AS $$
BEGIN
    PERFORM granska_answer_count_rebuild();
    RETURN NULL;
END
$$"""

_CHANGED_REVIEW = ("OLD.status IS DISTINCT FROM NEW.status OR OLD.round_id <> NEW.round_id "
                   "OR OLD.case_id <> NEW.case_id")
_CHANGED_CASE = "OLD.unit IS DISTINCT FROM NEW.unit OR OLD.gender IS DISTINCT FROM NEW.gender"
_TRIGGERS = [
    "CREATE TRIGGER answer_count_ins AFTER INSERT ON answer REFERENCING NEW TABLE AS "
    "new_rows FOR EACH STATEMENT EXECUTE FUNCTION granska_count_answers()",
    "CREATE TRIGGER answer_count_upd AFTER UPDATE ON answer REFERENCING OLD TABLE AS "
    "old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
    "granska_count_answers()",
    "CREATE TRIGGER answer_count_del AFTER DELETE ON answer REFERENCING OLD TABLE AS "
    "old_rows FOR EACH STATEMENT EXECUTE FUNCTION granska_count_answers()",
    f"CREATE TRIGGER answer_count_before BEFORE UPDATE OF status, round_id, case_id ON review "
    f"FOR EACH ROW WHEN (OLD.status = 'complete' AND ({_CHANGED_REVIEW})) "
    "EXECUTE FUNCTION granska_count_review_row()",
    f"CREATE TRIGGER answer_count_after AFTER UPDATE OF status, round_id, case_id ON review "
    f"FOR EACH ROW WHEN (NEW.status = 'complete' AND ({_CHANGED_REVIEW})) "
    "EXECUTE FUNCTION granska_count_review_row()",
    "CREATE TRIGGER answer_count_before_del BEFORE DELETE ON review FOR EACH ROW "
    "WHEN (OLD.status = 'complete') EXECUTE FUNCTION granska_count_review_row()",
    f'CREATE TRIGGER answer_count_before BEFORE UPDATE OF unit, gender ON "case" '
    f"FOR EACH ROW WHEN ({_CHANGED_CASE}) EXECUTE FUNCTION granska_count_case_row()",
    f'CREATE TRIGGER answer_count_after AFTER UPDATE OF unit, gender ON "case" '
    f"FOR EACH ROW WHEN ({_CHANGED_CASE}) EXECUTE FUNCTION granska_count_case_row()",
    'CREATE TRIGGER answer_count_before_del BEFORE DELETE ON "case" FOR EACH ROW '
    "EXECUTE FUNCTION granska_count_case_row()",
    "CREATE TRIGGER answer_count_before BEFORE INSERT OR UPDATE OF case_id OR DELETE "
    "ON chosen_case FOR EACH ROW EXECUTE FUNCTION granska_count_case_row()",
    "CREATE TRIGGER answer_count_after AFTER INSERT OR UPDATE OF case_id OR DELETE "
    "ON chosen_case FOR EACH ROW EXECUTE FUNCTION granska_count_case_row()",
    *(f'CREATE TRIGGER answer_count_truncated AFTER TRUNCATE ON "{t}" FOR EACH STATEMENT '
      "EXECUTE FUNCTION granska_answer_count_truncated()"
      for t in ("answer", "review", "case", "chosen_case")),
]

# the reviews of a case (the case's triggers), and the reads of a report: a round's counts
_INDEXES = ["CREATE INDEX IF NOT EXISTS ix_review_case ON review (case_id)"]

# a database `server init` already set up: the new table gets the same grant and rule
_ROLES = """
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'granska_reviewer') THEN
        REVOKE ALL ON answer_count FROM PUBLIC;
        GRANT SELECT ON answer_count TO granska_reviewer;
        ALTER TABLE answer_count ENABLE ROW LEVEL SECURITY;
        CREATE POLICY granska_scope ON answer_count USING (EXISTS (
            SELECT 1 FROM audit_round p WHERE p.id = answer_count.round_id));
    END IF;
END
$$"""

_FUNCTIONS = ("granska_count_answers()", "granska_count_review_row()",
              "granska_count_case_row()", "granska_answer_count_truncated()",
              "granska_answer_count_rebuild()", "granska_count_reviews(integer[], integer)")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_TABLE)
    for statement in (_REVIEWS, _REBUILD, _ANSWERS, _REVIEW_ROW, _CASE_ROW,
                      _REBUILD_TRIGGER, *_TRIGGERS, *_INDEXES, _ROLES):
        op.execute(statement)
    op.execute("SELECT granska_answer_count_rebuild()")  # the answers already stored


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS answer_count")
    for table, name in [("answer", "answer_count_ins"), ("answer", "answer_count_upd"),
                        ("answer", "answer_count_del"), ("review", "answer_count_before"),
                        ("review", "answer_count_after"), ("review", "answer_count_before_del"),
                        ("case", "answer_count_before"), ("case", "answer_count_after"),
                        ("case", "answer_count_before_del"),
                        ("chosen_case", "answer_count_before"),
                        ("chosen_case", "answer_count_after"),
                        *((t, "answer_count_truncated")
                          for t in ("answer", "review", "case", "chosen_case"))]:
        op.execute(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
    for function in _FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.execute("DROP INDEX IF EXISTS ix_review_case")
