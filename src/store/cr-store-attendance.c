/* cr-store-attendance.c: a group's attendance register, read as a stream
 * and written from a register matrix
 *
 * The register of a group over a period has one column for each meeting
 * of the group held in it, in date order, and one row for each person who
 * was a member of the group (of any kind) at one of those meetings, by
 * family name then given name. A cell is the mark recorded for them; a
 * member with no mark at a meeting whose attendance was taken (it has at
 * least one mark) was not there, and shows as absent (X); a cell is empty
 * where they were not a member on that date, or where the meeting has no
 * attendance recorded at all. Marks of people who were not members then
 * (guests, officers, or a member marked after leaving) are not the
 * register's. A row that would be empty throughout is left out, so that
 * what is exported imports again as the same register.
 *
 * The rows are streamed, not gathered: the people come in register order
 * from one statement and the marks of the period's meetings in the same
 * order from another, merged a person at a time; the group's memberships
 * over the period are read once beforehand (a few bytes each), and which
 * meetings each covers is worked out in C, so no meeting is joined to
 * every member and nothing is held but one row and those memberships.
 * Each meeting's quorum is counted on the way (voting members on its
 * date, less those a sanction bars, and those of them present as
 * members, against the quorum rule in force on that date), so no query
 * runs per meeting; the figures are final once the last row has been
 * handed over, which is when the report writes its "Quorate" row.
 *
 * Importing a register (cr_store_import_attendance()) is one transaction,
 * all or nothing:
 *  - each date is matched to the group's meeting on that day (a held one
 *    first; one still planned is marked as held); a date with none gets a
 *    new held ordinary meeting; one only cancelled is refused;
 *  - each name is split as the member import splits it and matched on the
 *    folded name the store sorts by, preferring someone who has been a
 *    member of the group; two such members with the same name are
 *    refused, since which one is meant can't be guessed; a name not in
 *    the file becomes a new person (with no other details, and no
 *    membership of the association as a whole);
 *  - where someone has a mark on a date no membership of theirs covers,
 *    a voting membership is added for each run of such marks (a run ends
 *    at an empty cell or at a date a membership already covers), starting
 *    on the run's first date; it is ended, with the reason "other", on
 *    the run's last date when the file has a later meeting, and left
 *    running otherwise. Existing memberships are never shortened or
 *    ended: an empty cell under a date they cover is left as it is;
 *  - every mark is written as the person's mark as a member, replacing
 *    any mark they had.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-attendance.h"

#include "cr-date.h"
#include "cr-person.h"
#include "cr-store-meetings.h"
#include "cr-store-meetings-private.h"
#include "cr-store-people.h"
#include "cr-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define NO_START "0000-01-01"
#define NO_END   "9999-12-31"

#define BIG_CACHE_KIB 65536

/* One spell of a sanction that bars a person from the group's meetings. */
typedef struct
{
  char *start;
  char *end;  /* NULL: open */
} Barred;

/* One membership of the group over the period, as the rows need it. */
typedef struct
{
  gint64    person;
  char      start[11];  /* ISO */
  char      end[11];    /* ISO; NO_END while it runs */
  gboolean  voting;
} Span;

struct _CrAttendanceCursor
{
  CrStore           *store;
  sqlite3_stmt      *stmt;       /* people, in register order */
  sqlite3_stmt      *marks_stmt; /* the meetings' marks, in the same order */

  guint              n_meetings;
  CrRegisterMeeting *meetings;
  CrQuorumRule      *rules;      /* per column: the quorum in force then */
  GHashTable        *columns;    /* meeting id (gint64 *) → column + 1 */
  GHashTable        *barred;     /* person id (gint64 *) → GArray of Barred */
  GArray            *spans;      /* of Span, by person */
  GHashTable        *first_span; /* person id → index of their first + 1 */

  guint8            *marks;      /* the row handed out */
  guint8            *member;     /* per column: a member then */
  guint8            *voting;     /* per column: a voting member then */
  guint8            *as_member;  /* per column: marked as a member */
  char              *name;
  guint              n_rows;

  gboolean           marks_have_row;
  gboolean           marks_exhausted;
  gboolean           done;
  int                old_cache_size;  /* to put back; 0 if not changed */
};

static void
barred_clear (gpointer data)
{
  Barred *b = data;

  g_free (b->start);
  g_free (b->end);
}

static void
meetings_free (CrRegisterMeeting *meetings,
               guint              n)
{
  for (guint i = 0; i < n; i++)
    g_free (meetings[i].date);
  g_free (meetings);
}

/* PRAGMA takes no parameters; @size is our own integer. */
static void
set_cache_size (CrStore *store,
                int      size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", size);

  sqlite3_exec (_cr_store_get_db (store), sql, NULL, NULL, NULL);
}

/* A big register reads the memberships and then the people in name
 * order, all over their tables: with a cache that holds them each page is
 * read from the disk once, not once a person. The cache only grows as
 * pages are read, so a small register costs no more. Put back when the
 * cursor ends. */
static void
widen_cache (CrAttendanceCursor *cursor)
{
  sqlite3_stmt *stmt = NULL;
  int old = 0;

  if (sqlite3_prepare_v2 (_cr_store_get_db (cursor->store),
                          "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    old = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  /* Negative sizes are KiB: 64 MiB, a third of the report's memory
   * budget, and only as much of it as the file fills. */
  if (old == 0 || old <= -BIG_CACHE_KIB)
    return;
  set_cache_size (cursor->store, -BIG_CACHE_KIB);
  cursor->old_cache_size = old;
}

/**
 * cr_attendance_cursor_free:
 * @cursor: (nullable) (transfer full): a cursor
 *
 * Ends the read, whether or not every row was taken.
 */
void
cr_attendance_cursor_free (CrAttendanceCursor *cursor)
{
  if (cursor == NULL)
    return;
  sqlite3_finalize (cursor->stmt);
  sqlite3_finalize (cursor->marks_stmt);
  if (cursor->old_cache_size != 0)
    set_cache_size (cursor->store, cursor->old_cache_size);
  g_free (cursor->rules);
  meetings_free (cursor->meetings, cursor->n_meetings);
  g_clear_pointer (&cursor->columns, g_hash_table_unref);
  g_clear_pointer (&cursor->barred, g_hash_table_unref);
  g_clear_pointer (&cursor->spans, g_array_unref);
  g_clear_pointer (&cursor->first_span, g_hash_table_unref);
  g_free (cursor->marks);
  g_free (cursor->member);
  g_free (cursor->voting);
  g_free (cursor->as_member);
  g_free (cursor->name);
  g_clear_object (&cursor->store);
  g_free (cursor);
}

/**
 * cr_register_name:
 * @given_name: (nullable): the given names
 * @family_name: (nullable): the family name
 *
 * The name as the register writes it: "Family, Given", which
 * cr_split_full_name() reads back into the same two parts however many
 * words each has ("Ó Súilleabháin, Seán", "van der Berg, Jan"). A family
 * name alone of several words keeps a trailing comma for the same reason.
 *
 * Returns: (transfer full): the name
 */
char *
cr_register_name (const char *given_name,
                  const char *family_name)
{
  const char *given = given_name != NULL ? given_name : "";
  const char *family = family_name != NULL ? family_name : "";

  if (*family == '\0')
    return g_strdup (given);
  if (*given == '\0')
    return strpbrk (family, " \t,") != NULL ? g_strconcat (family, ",", NULL)
                                            : g_strdup (family);
  return g_strconcat (family, ", ", given, NULL);
}

/* The held meetings of the period, each with its count of marks and the
 * quorum rule in force on its date (a meeting is judged by the rules of
 * its day, not today's). */
static gboolean
load_meetings (CrAttendanceCursor  *cursor,
               gint64               group_id,
               const char          *from,
               const char          *to,
               GError             **error)
{
  g_autoptr (GArray) list = g_array_new (FALSE, TRUE, sizeof (CrRegisterMeeting));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (cursor->store,
                            "SELECT m.id, m.date, (SELECT count(*) "
                            "FROM attendance a WHERE a.meeting_id = m.id), "
                            CR_QUORUM_IN_FORCE ("m.group_id", "m.date") " "
                            "FROM meetings m WHERE m.group_id = ?1 "
                            "AND m.status = 'held' AND m.date >= ?2 "
                            "AND m.date <= ?3 "
                            "ORDER BY m.date, m.start_time, m.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrRegisterMeeting m = { 0 };

      m.id = sqlite3_column_int64 (stmt, 0);
      m.date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      m.n_marks = sqlite3_column_int (stmt, 2);
      g_array_append_val (list, m);
      g_ptr_array_add (texts, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (cursor->store, error, rc, _("reading the meetings"));
      for (guint i = 0; i < list->len; i++)
        g_free (g_array_index (list, CrRegisterMeeting, i).date);
      return FALSE;
    }

  cursor->n_meetings = list->len;
  cursor->meetings = (CrRegisterMeeting *) g_array_free (g_steal_pointer (&list),
                                                          FALSE);
  /* Read once the statement is done, so that none runs inside another
   * (tiers of households read the rest of the rules in force). */
  cursor->rules = g_new0 (CrQuorumRule, MAX (cursor->n_meetings, 1));
  for (guint i = 0; i < cursor->n_meetings; i++)
    _cr_store_quorum_rule (cursor->store, group_id, cursor->meetings[i].date,
                           g_ptr_array_index (texts, i), &cursor->rules[i]);
  cursor->columns = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                           g_free, NULL);
  for (guint i = 0; i < cursor->n_meetings; i++)
    g_hash_table_insert (cursor->columns,
                         g_memdup2 (&cursor->meetings[i].id, sizeof (gint64)),
                         GUINT_TO_POINTER (i + 1));
  return TRUE;
}

/* The sanctions that bar someone from this group's meetings, as
 * cr-store-meetings.c counts them: a suspension or an exclusion by the
 * group or the whole association, unless overturned on appeal. */
static gboolean
load_barred (CrAttendanceCursor  *cursor,
             gint64               group_id,
             GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  cursor->barred = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_array_unref);
  stmt = _cr_store_prepare (cursor->store,
                            "SELECT person_id, start_date, end_date "
                            "FROM conduct WHERE (kind = 'suspension' "
                            "OR kind = 'exclusion') "
                            "AND appeal_outcome IS NOT 'overturned' "
                            "AND (group_id IS NULL OR group_id = ?1 "
                            "OR group_id = ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, cr_store_get_association_group (cursor->store));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      GArray *spells = g_hash_table_lookup (cursor->barred, &person);
      Barred b;

      if (spells == NULL)
        {
          spells = g_array_new (FALSE, FALSE, sizeof (Barred));
          g_array_set_clear_func (spells, barred_clear);
          g_hash_table_insert (cursor->barred,
                               g_memdup2 (&person, sizeof person), spells);
        }
      b.start = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      b.end = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (spells, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (cursor->store, error, rc, _("reading the sanctions"));
      return FALSE;
    }
  return TRUE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->person != y->person)
    return x->person < y->person ? -1 : 1;
  return strcmp (x->start, y->start);
}

/* The group's memberships that overlap the period, by person: a few
 * megabytes for the largest group. */
static gboolean
load_spans (CrAttendanceCursor  *cursor,
            gint64               group_id,
            const char          *from,
            const char          *to,
            GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean big = FALSE;
  int rc;

  /* A group with a good share of all the memberships (the association's
   * own, on a big file) is read by one pass over the table: through the
   * index, each of its rows would be a seek of its own. */
  stmt = _cr_store_prepare (cursor->store,
                            "SELECT (SELECT count(*) FROM memberships "
                            "WHERE group_id = ?1) * 4 >= "
                            "(SELECT count(*) FROM memberships)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    big = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _cr_store_set_error (cursor->store, error, rc, _("reading the members"));
      return FALSE;
    }

  cursor->spans = g_array_new (FALSE, TRUE, sizeof (Span));
  stmt = _cr_store_prepare (cursor->store,
                            big ? "SELECT person_id, kind = 'voting', "
                                  "start_date, end_date FROM memberships "
                                  "NOT INDEXED "
                                  "WHERE group_id = ?1 AND start_date <= ?3 "
                                  "AND (end_date IS NULL OR end_date >= ?2)"
                                : "SELECT person_id, kind = 'voting', "
                                  "start_date, end_date FROM memberships "
                                  "INDEXED BY memberships_by_group "
                                  "WHERE group_id = ?1 AND start_date <= ?3 "
                                  "AND (end_date IS NULL OR end_date >= ?2)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *end = (const char *) sqlite3_column_text (stmt, 3);
      Span span = { 0 };

      span.person = sqlite3_column_int64 (stmt, 0);
      span.voting = sqlite3_column_int (stmt, 1);
      g_strlcpy (span.start, (const char *) sqlite3_column_text (stmt, 2),
                 sizeof span.start);
      g_strlcpy (span.end, end != NULL ? end : NO_END, sizeof span.end);
      g_array_append_val (cursor->spans, span);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (cursor->store, error, rc, _("reading the members"));
      return FALSE;
    }
  g_array_sort (cursor->spans, compare_spans);

  /* One lookup a person of the file, in name order: a hash, since a
   * binary search would miss the processor's cache at every step. Person
   * ids are SQLite rowids, positive and well inside a pointer. */
  cursor->first_span = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint k = cursor->spans->len; k-- > 0;)
    g_hash_table_insert (cursor->first_span,
                         GSIZE_TO_POINTER ((gsize) g_array_index (cursor->spans,
                                                                  Span, k).person),
                         GUINT_TO_POINTER (k + 1));
  return TRUE;
}

/* How many people the file holds, to choose how to read the register. */
static gboolean
count_people (CrStore  *self,
              guint    *n_people,
              GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _cr_store_prepare (self, "SELECT count(*) FROM people", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *n_people = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  _cr_store_set_error (self, error, rc, _("reading the members"));
  return FALSE;
}

/**
 * cr_store_open_attendance:
 * @group_id: the group
 * @from: (nullable): ISO date of the first meeting to include
 * @to: (nullable): ISO date of the last meeting to include
 *
 * Starts reading the group's register over the period (see the top of
 * cr-store-attendance.c for what it holds). The meetings are known at
 * once; the rows come one at a time from cr_attendance_cursor_next().
 * The store must stay open, and must not be changed, while the cursor is
 * read.
 *
 * Returns: (transfer full) (nullable): the cursor, or %NULL with @error
 *   set
 */
CrAttendanceCursor *
cr_store_open_attendance (CrStore     *self,
                          gint64       group_id,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  g_autoptr (CrAttendanceCursor) cursor = NULL;
  g_autofree char *rule = NULL;
  g_autoptr (GError) local = NULL;
  guint n, n_people = 0;
  int rc;

  g_return_val_if_fail (CR_IS_STORE (self), NULL);
  g_return_val_if_fail (group_id > 0, NULL);

  if (from == NULL)
    from = NO_START;
  if (to == NULL)
    to = NO_END;

  cursor = g_new0 (CrAttendanceCursor, 1);
  cursor->store = g_object_ref (self);

  /* Only to refuse a group that is no longer there: each meeting has its
   * own rule, the one in force on its date. */
  rule = cr_store_get_group_quorum (self, group_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  widen_cache (cursor);
  if (!load_meetings (cursor, group_id, from, to, error) ||
      !load_barred (cursor, group_id, error) ||
      !load_spans (cursor, group_id, from, to, error) ||
      !count_people (self, &n_people, error))
    return NULL;

  n = MAX (cursor->n_meetings, 1);
  cursor->marks = g_malloc0 (n);
  cursor->member = g_malloc0 (n);
  cursor->voting = g_malloc0 (n);
  cursor->as_member = g_malloc0 (n);

  /* Two streams in register order (family name, given name, then id),
   * merged as the rows are asked for: the people, matched to the
   * memberships already read, and the marks recorded at the period's
   * meetings. Which meetings a membership covers is worked out in C from
   * the meetings, so no meeting is joined to every member (a million
   * probes on the benchmark file). A group of a good share of the file
   * reads the people index in its order, which costs no sort; a small
   * one sorts just its own members. */
  rc = sqlite3_prepare_v2 (_cr_store_get_db (self),
                           (guint64) cursor->spans->len * 8 >= n_people
                           ? "SELECT id, sort_key, given_name, family_name "
                             "FROM people INDEXED BY people_by_sort_key "
                             "ORDER BY sort_key, id"
                           : "SELECT id, sort_key, given_name, family_name "
                             "FROM people WHERE id IN (SELECT person_id "
                             "FROM memberships WHERE group_id = ?1 "
                             "AND start_date <= ?3 AND (end_date IS NULL "
                             "OR end_date >= ?2)) "
                             "ORDER BY sort_key, id",
                           -1, &cursor->stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (_cr_store_get_db (self),
                             "SELECT p.id, p.sort_key, a.meeting_id, a.mark, "
                             "a.role = 'member' "
                             "FROM meetings m INDEXED BY meetings_by_group "
                             "JOIN attendance a ON a.meeting_id = m.id "
                             "JOIN people p ON p.id = a.person_id "
                             "WHERE m.group_id = ?1 AND m.status = 'held' "
                             "AND m.date >= ?2 AND m.date <= ?3 "
                             "ORDER BY p.sort_key, p.id",
                             -1, &cursor->marks_stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cr_store_set_error (self, error, rc, _("reading the register"));
      return NULL;
    }
  /* Reading every person of the file takes no parameters. */
  if (sqlite3_bind_parameter_count (cursor->stmt) > 0)
    {
      sqlite3_bind_int64 (cursor->stmt, 1, group_id);
      sqlite3_bind_text (cursor->stmt, 2, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (cursor->stmt, 3, to, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int64 (cursor->marks_stmt, 1, group_id);
  sqlite3_bind_text (cursor->marks_stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (cursor->marks_stmt, 3, to, -1, SQLITE_TRANSIENT);
  return g_steal_pointer (&cursor);
}

guint
cr_attendance_cursor_get_n_meetings (CrAttendanceCursor *cursor)
{
  g_return_val_if_fail (cursor != NULL, 0);
  return cursor->n_meetings;
}

/**
 * cr_attendance_cursor_get_meeting:
 * @column: a column of the register, from 0
 *
 * Returns: (transfer none): the meeting; its quorum figures are final
 *   only once cr_attendance_cursor_next() has returned %FALSE
 */
const CrRegisterMeeting *
cr_attendance_cursor_get_meeting (CrAttendanceCursor *cursor,
                                  guint               column)
{
  g_return_val_if_fail (cursor != NULL, NULL);
  g_return_val_if_fail (column < cursor->n_meetings, NULL);
  return &cursor->meetings[column];
}

/**
 * cr_attendance_cursor_get_n_rows:
 *
 * Returns: how many rows have been handed out so far
 */
guint
cr_attendance_cursor_get_n_rows (CrAttendanceCursor *cursor)
{
  g_return_val_if_fail (cursor != NULL, 0);
  return cursor->n_rows;
}

static gboolean
is_barred (CrAttendanceCursor *cursor,
           gint64              person,
           const char         *date)
{
  GArray *spells = g_hash_table_lookup (cursor->barred, &person);

  if (spells == NULL)
    return FALSE;
  for (guint i = 0; i < spells->len; i++)
    {
      Barred *b = &g_array_index (spells, Barred, i);

      if (strcmp (b->start, date) <= 0 &&
          (b->end == NULL || strcmp (b->end, date) >= 0))
        return TRUE;
    }
  return FALSE;
}

static CrAttendanceMark
mark_of (const char *text)
{
  if (text == NULL)
    return CR_ATTENDANCE_NONE;
  if (text[0] == 'p')
    return CR_ATTENDANCE_PRESENT;
  if (text[0] == 'a' && text[1] == 'p')
    return CR_ATTENDANCE_APOLOGIES;
  return CR_ATTENDANCE_ABSENT;
}

static void
finish_quorum (CrAttendanceCursor *cursor)
{
  for (guint i = 0; i < cursor->n_meetings; i++)
    {
      CrRegisterMeeting *m = &cursor->meetings[i];

      m->quorum_required = cr_quorum_required (&cursor->rules[i],
                                               m->voting_members);
      if (m->n_marks == 0)
        m->quorate = CR_QUORATE_UNKNOWN;
      else if (m->voting_present >= m->quorum_required)
        m->quorate = CR_QUORATE_YES;
      else
        m->quorate = CR_QUORATE_NO;
    }
}

/* The first column whose meeting is on or after @date. */
static guint
first_column_from (CrAttendanceCursor *cursor,
                   const char         *date)
{
  guint lo = 0, hi = cursor->n_meetings;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (cursor->meetings[mid].date, date) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Where the marks statement's row stands against (@key, @person) in
 * register order: <0 before, 0 theirs, >0 after. */
static int
compare_marks_row (CrAttendanceCursor *cursor,
                   const char         *key,
                   gint64              person)
{
  sqlite3_stmt *stmt = cursor->marks_stmt;
  const char *mkey = (const char *) sqlite3_column_text (stmt, 1);
  gint64 mperson = sqlite3_column_int64 (stmt, 0);
  int cmp;

  /* ORDER BY compares text with the BINARY collation, which is strcmp's
   * order on UTF-8. */
  cmp = strcmp (mkey != NULL ? mkey : "", key);
  if (cmp != 0)
    return cmp;
  return mperson < person ? -1 : mperson > person ? 1 : 0;
}

/* Moves the marks statement up to @person and reads their marks into
 * the row, in whichever columns they fall; the caller keeps only those a
 * membership covers. */
static gboolean
read_marks (CrAttendanceCursor  *cursor,
            const char          *key,
            gint64               person,
            GError             **error)
{
  sqlite3_stmt *stmt = cursor->marks_stmt;

  while (!cursor->marks_exhausted)
    {
      int cmp;

      if (!cursor->marks_have_row)
        {
          int rc = sqlite3_step (stmt);

          if (rc == SQLITE_DONE)
            {
              cursor->marks_exhausted = TRUE;
              break;
            }
          if (rc != SQLITE_ROW)
            {
              _cr_store_set_error (cursor->store, error, rc,
                                   _("reading the register"));
              return FALSE;
            }
          cursor->marks_have_row = TRUE;
        }

      cmp = compare_marks_row (cursor, key, person);
      if (cmp > 0)
        break;
      if (cmp == 0)
        {
          gint64 meeting = sqlite3_column_int64 (stmt, 2);
          guint column = GPOINTER_TO_UINT (g_hash_table_lookup (cursor->columns,
                                                                &meeting));

          if (column-- > 0)
            {
              cursor->marks[column] =
                mark_of ((const char *) sqlite3_column_text (stmt, 3));
              cursor->as_member[column] = sqlite3_column_int (stmt, 4);
            }
        }
      /* Theirs, or someone's with marks and no membership (a guest). */
      cursor->marks_have_row = FALSE;
    }
  return TRUE;
}

/* The first of @person's spans, or G_MAXUINT if they have none. */
static guint
find_spans (CrAttendanceCursor *cursor,
            gint64              person)
{
  guint k = GPOINTER_TO_UINT (g_hash_table_lookup (cursor->first_span,
                                                   GSIZE_TO_POINTER ((gsize) person)));

  return k > 0 ? k - 1 : G_MAXUINT;
}

/* Fills the buffers for the person the statement is on, whose first
 * span is @first: the columns their memberships cover, then their marks
 * from the other statement. */
static gboolean
read_person (CrAttendanceCursor  *cursor,
             gint64               person,
             guint                first,
             GError             **error)
{
  sqlite3_stmt *stmt = cursor->stmt;
  const char *key = (const char *) sqlite3_column_text (stmt, 1);
  guint n = cursor->n_meetings;

  memset (cursor->marks, CR_ATTENDANCE_NONE, n);
  memset (cursor->member, 0, n);
  memset (cursor->voting, 0, n);
  memset (cursor->as_member, 0, n);
  for (guint k = first;
       k < cursor->spans->len &&
       g_array_index (cursor->spans, Span, k).person == person;
       k++)
    {
      const Span *span = &g_array_index (cursor->spans, Span, k);

      for (guint i = first_column_from (cursor, span->start);
           i < n && strcmp (cursor->meetings[i].date, span->end) <= 0;
           i++)
        {
          cursor->member[i] = 1;
          cursor->voting[i] |= span->voting;
        }
    }
  return read_marks (cursor, key != NULL ? key : "", person, error);
}

/**
 * cr_attendance_cursor_next:
 * @cursor: a cursor
 * @name: (out) (transfer none): the member's name, "Family, Given" (see
 *   cr_register_name())
 * @marks: (out) (transfer none) (array): one #CrAttendanceMark a meeting
 * @error: where to say why the register could not be read
 *
 * Hands over the next member's row; @name and @marks stay valid until the
 * next call. The signature is a #CrAttendanceRowFunc's, so the cursor can
 * feed cr_report_attendance() directly.
 *
 * Returns: %TRUE with a row; %FALSE after the last one (the meetings'
 *   quorum figures are then final), or with @error set
 */
gboolean
cr_attendance_cursor_next (CrAttendanceCursor  *cursor,
                           const char         **name,
                           const guint8       **marks,
                           GError             **error)
{
  g_return_val_if_fail (cursor != NULL, FALSE);
  g_return_val_if_fail (name != NULL && marks != NULL, FALSE);

  while (!cursor->done)
    {
      gboolean any = FALSE;
      gint64 person;
      guint first;
      int rc = sqlite3_step (cursor->stmt);

      if (rc == SQLITE_DONE)
        break;
      if (rc != SQLITE_ROW)
        {
          cursor->done = TRUE;
          _cr_store_set_error (cursor->store, error, rc,
                               _("reading the register"));
          return FALSE;
        }
      person = sqlite3_column_int64 (cursor->stmt, 0);
      first = find_spans (cursor, person);
      /* Not a member of the group in the period. */
      if (first == G_MAXUINT)
        continue;
      if (!read_person (cursor, person, first, error))
        {
          cursor->done = TRUE;
          return FALSE;
        }

      for (guint i = 0; i < cursor->n_meetings; i++)
        {
          CrRegisterMeeting *m = &cursor->meetings[i];

          /* A mark from when they were not a member (a guest, say) is
           * not the register's. */
          if (!cursor->member[i])
            {
              cursor->marks[i] = CR_ATTENDANCE_NONE;
              continue;
            }
          if (cursor->voting[i] && !is_barred (cursor, person, m->date))
            {
              m->voting_members++;
              if (cursor->marks[i] == CR_ATTENDANCE_PRESENT &&
                  cursor->as_member[i])
                m->voting_present++;
            }
          /* The register was taken and they were not on it. */
          if (cursor->marks[i] == CR_ATTENDANCE_NONE && m->n_marks > 0)
            cursor->marks[i] = CR_ATTENDANCE_ABSENT;
          any |= cursor->marks[i] != CR_ATTENDANCE_NONE;
        }
      if (!any)
        continue;

      g_free (cursor->name);
      cursor->name =
        cr_register_name ((const char *) sqlite3_column_text (cursor->stmt, 2),
                          (const char *) sqlite3_column_text (cursor->stmt, 3));
      cursor->n_rows++;
      *name = cursor->name;
      *marks = cursor->marks;
      return TRUE;
    }

  if (!cursor->done)
    {
      cursor->done = TRUE;
      finish_quorum (cursor);
    }
  return FALSE;
}

/* ---- import ---------------------------------------------------------- */

/* The group's meeting on @date: a held one first, then a planned one
 * (which is then marked as held); a date with only a cancelled meeting
 * is refused; a date with none gets a new meeting. */
static gint64
meeting_for_date (CrStore                   *self,
                  gint64                     group_id,
                  const char                *date,
                  CrAttendanceImportCounts  *counts,
                  GError                   **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  g_autofree char *status = NULL;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT id, status FROM meetings "
                            "WHERE group_id = ?1 AND date = ?2 "
                            "ORDER BY status = 'held' DESC, "
                            "status = 'planned' DESC, id LIMIT 1",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      status = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("looking for the meetings"));
      return 0;
    }

  if (id == 0)
    {
      CrMeeting meeting = { 0 };

      meeting.group_id = group_id;
      meeting.date = (char *) date;
      meeting.kind = CR_MEETING_KIND_ORDINARY;
      meeting.status = CR_MEETING_STATUS_HELD;
      id = cr_store_add_meeting (self, &meeting, error);
      if (id != 0)
        counts->meetings_created++;
      return id;
    }

  if (g_str_equal (status, "cancelled"))
    {
      g_autofree char *uk = cr_date_iso_to_uk (date);

      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("The meeting on %s was cancelled, so it can’t have "
                     "attendance. Take its column out of the file, or "
                     "change the meeting first."), uk);
      return 0;
    }
  if (g_str_equal (status, "planned"))
    {
      g_autoptr (CrMeeting) meeting = cr_store_get_meeting (self, id, error);

      if (meeting == NULL)
        return 0;
      meeting->status = CR_MEETING_STATUS_HELD;
      if (!cr_store_update_meeting (self, meeting, error))
        return 0;
    }
  return id;
}

/* Someone by the folded name, preferring a member (now or once) of the
 * group; 0 if nobody has it. */
static gboolean
find_person (CrStore     *self,
             gint64       group_id,
             const char  *key,
             const char  *name,
             gint64      *person_id,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 first = 0;
  gboolean first_member = FALSE, second_member = FALSE;
  guint n = 0;
  int rc;

  stmt = _cr_store_prepare (self,
                            "SELECT p.id, EXISTS (SELECT 1 FROM memberships "
                            "ms WHERE ms.person_id = p.id "
                            "AND ms.group_id = ?2) AS member "
                            "FROM people p WHERE p.sort_key = ?1 "
                            "AND p.anonymised_on IS NULL "
                            "ORDER BY member DESC, p.id LIMIT 2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n == 0)
        {
          first = sqlite3_column_int64 (stmt, 0);
          first_member = sqlite3_column_int (stmt, 1);
        }
      else
        second_member = sqlite3_column_int (stmt, 1);
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _cr_store_set_error (self, error, rc, _("looking for people already there"));
      return FALSE;
    }
  if (n == 2 && first_member && second_member)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID,
                   _("Two members of the group are called “%s”, so which "
                     "one this row is for can’t be told. Tell them apart "
                     "in the register first (a middle name or initial)."),
                   name);
      return FALSE;
    }
  *person_id = first;
  return TRUE;
}

static gboolean
covered (GPtrArray  *memberships,
         gint64      group_id,
         const char *date)
{
  for (guint i = 0; i < memberships->len; i++)
    {
      CrMembership *ms = g_ptr_array_index (memberships, i);

      if (ms->group_id == group_id && strcmp (ms->start_date, date) <= 0 &&
          (ms->end_date == NULL || strcmp (ms->end_date, date) >= 0))
        return TRUE;
    }
  return FALSE;
}

static gboolean
add_run (CrStore                   *self,
         gint64                     person_id,
         gint64                     group_id,
         const char                *start,
         const char                *end,
         CrAttendanceImportCounts  *counts,
         GError                   **error)
{
  gint64 id = cr_store_add_membership (self, person_id, group_id,
                                       CR_MEMBERSHIP_VOTING, start, error);

  if (id == 0)
    return FALSE;
  if (end != NULL &&
      !cr_store_end_membership (self, id, end, CR_END_OTHER, error))
    return FALSE;
  counts->memberships_added++;
  return TRUE;
}

/* Adds memberships for the marks no membership covers (see the top of
 * the file). @order: the matrix's columns by date. */
static gboolean
add_memberships (CrStore                   *self,
                 gint64                     person_id,
                 gint64                     group_id,
                 CrAttendanceMatrix        *matrix,
                 guint                      row,
                 const guint               *order,
                 CrAttendanceImportCounts  *counts,
                 GError                   **error)
{
  g_autoptr (GPtrArray) memberships = NULL;
  guint n = cr_attendance_matrix_get_n_dates (matrix);
  const guint8 *marks = cr_attendance_matrix_get_marks (matrix, row);
  const char *run_start = NULL, *run_end = NULL;

  memberships = cr_store_list_memberships (self, person_id, error);
  if (memberships == NULL)
    return FALSE;

  for (guint k = 0; k < n; k++)
    {
      guint c = order[k];
      const char *date = cr_attendance_matrix_get_date (matrix, c);

      if (marks[c] != CR_ATTENDANCE_NONE &&
          !covered (memberships, group_id, date))
        {
          if (run_start == NULL)
            run_start = date;
          run_end = date;
          continue;
        }
      if (run_start != NULL &&
          !add_run (self, person_id, group_id, run_start, run_end, counts,
                    error))
        return FALSE;
      run_start = NULL;
    }
  /* A run to the last meeting of the file: a member still. */
  return run_start == NULL ||
         add_run (self, person_id, group_id, run_start, NULL, counts, error);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  CrAttendanceMatrix *matrix = user_data;

  return strcmp (cr_attendance_matrix_get_date (matrix, *(const guint *) a),
                 cr_attendance_matrix_get_date (matrix, *(const guint *) b));
}

/**
 * cr_store_import_attendance:
 * @group_id: the group the register is of
 * @matrix: a register, as cr_attendance_matrix_parse() read it without
 *   problems
 * @dry_run: count only; the file is not changed
 * @counts: (out): what was (or would be) added and written
 *
 * Brings a register into the file in one transaction (see the top of
 * cr-store-attendance.c for how meetings, people and memberships are
 * matched or made). When a row is refused, @counts says its line.
 *
 * Returns: %TRUE if all went in (or would have); %FALSE with @error set
 *   and the file unchanged otherwise
 */
gboolean
cr_store_import_attendance (CrStore                   *self,
                            gint64                     group_id,
                            CrAttendanceMatrix        *matrix,
                            gboolean                   dry_run,
                            CrAttendanceImportCounts  *counts,
                            GError                   **error)
{
  g_autofree gint64 *meetings = NULL;
  g_autofree guint *order = NULL;
  guint n_dates, n_people;

  g_return_val_if_fail (CR_IS_STORE (self), FALSE);
  g_return_val_if_fail (group_id > 0, FALSE);
  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (!_cr_store_require_write (self, error) || !cr_store_begin (self, error))
    return FALSE;

  n_dates = cr_attendance_matrix_get_n_dates (matrix);
  n_people = cr_attendance_matrix_get_n_people (matrix);
  meetings = g_new0 (gint64, MAX (n_dates, 1));
  order = g_new0 (guint, MAX (n_dates, 1));
  for (guint c = 0; c < n_dates; c++)
    {
      order[c] = c;
      meetings[c] = meeting_for_date (self, group_id,
                                      cr_attendance_matrix_get_date (matrix, c),
                                      counts, error);
      if (meetings[c] == 0)
        goto fail;
    }
  g_qsort_with_data (order, (gint) n_dates, sizeof (guint), compare_dates,
                     matrix);

  for (guint r = 0; r < n_people; r++)
    {
      const char *name = cr_attendance_matrix_get_name (matrix, r);
      const guint8 *marks = cr_attendance_matrix_get_marks (matrix, r);
      guint line = cr_attendance_matrix_get_line (matrix, r);
      g_autofree char *given = NULL;
      g_autofree char *family = NULL;
      g_autofree char *key = NULL;
      gboolean any = FALSE;
      gint64 person_id = 0;

      for (guint c = 0; c < n_dates; c++)
        any |= marks[c] != CR_ATTENDANCE_NONE;
      /* Not a member at any of these meetings: nothing to record. */
      if (!any)
        continue;

      cr_split_full_name (name, &given, &family);
      key = _cr_store_name_key (given, family);
      if (!find_person (self, group_id, key, name, &person_id, error))
        goto fail_line;
      if (person_id == 0)
        {
          g_autoptr (CrPerson) person = cr_person_new ();

          cr_person_set_given_name (person, given);
          cr_person_set_family_name (person, family);
          person_id = cr_store_add_person (self, person, error);
          if (person_id == 0)
            goto fail_line;
          counts->people_created++;
        }

      if (!add_memberships (self, person_id, group_id, matrix, r, order,
                            counts, error))
        goto fail_line;

      for (guint c = 0; c < n_dates; c++)
        {
          if (marks[c] == CR_ATTENDANCE_NONE)
            continue;
          if (!cr_store_set_attendance (self, meetings[c], person_id,
                                        marks[c], CR_ATTENDEE_MEMBER, error))
            goto fail_line;
          counts->marks_written++;
        }
      continue;

    fail_line:
      memset (counts, 0, sizeof *counts);
      counts->failed_line = line;
      cr_store_rollback (self);
      return FALSE;
    }

  if (dry_run)
    {
      cr_store_rollback (self);
      return TRUE;
    }
  if (cr_store_commit (self, error))
    return TRUE;
  memset (counts, 0, sizeof *counts);
  return FALSE;

fail:
  cr_store_rollback (self);
  memset (counts, 0, sizeof *counts);
  return FALSE;
}
