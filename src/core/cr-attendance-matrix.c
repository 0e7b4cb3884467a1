/* cr-attendance-matrix.c: the attendance register as a grid of marks
 *
 * The register secretaries keep in a spreadsheet, and the one `export
 * attendance` writes: the first column the member's name, then one column
 * a meeting headed by its date (`22/11/2026` or `2026-11-22`), each cell a
 * mark. What the reader accepts, and why:
 *
 *  - Marks: `P` present, `A` apologies, `X` absent, in either case, spaces
 *    around ignored. The words "Present", "Apologies" (or "Apology",
 *    "Apols") and "Absent" are accepted too, since they cannot be misread;
 *    anything else ("Y", "N", a tick, "L" for late) is a problem, because
 *    guessing would put a wrong mark on someone's record. An empty cell
 *    means the person was not a member at that meeting.
 *  - The header is the first row with at least two cells filled in, so the
 *    title and period rows of an exported register (saved as CSV) are
 *    passed over. A heading that is not a date is a problem, except for
 *    the computed columns an export adds ("Attended (%)", anything with
 *    "attend", "total" or a % sign), which are skipped; an empty heading
 *    over an empty column is ignored (spreadsheets leave those behind).
 *  - Two columns for the same date are a problem: each meeting has one
 *    column, and which of two disagreeing marks is right is not ours to
 *    guess.
 *  - Two rows with the same name (ignoring case and runs of spaces) are a
 *    problem, not merged: they may be one person listed twice or two
 *    neighbours with the same name, and only the secretary knows which.
 *  - The rows an export puts below the register (Present, Apologies,
 *    Absent, Quorate, Total) are skipped when their cells hold counts or
 *    yes/no rather than marks, so a register exported and imported again
 *    gives the same register.
 *
 * Every problem is collected with its line, so a file is fixed once. The
 * matrix holds the marks one byte each in one block, row after row: a
 * million marks take a megabyte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-attendance-matrix.h"

#include "cr-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _CrAttendanceMatrix
{
  guint       n_dates;
  char      **dates;   /* n_dates ISO dates and a NULL */
  GPtrArray  *names;   /* char *, one a person */
  GArray     *lines;   /* guint, one a person */
  GByteArray *marks;   /* n_dates a person, row after row */
};

/* What a column of the file is, beyond the names. */
enum
{
  COLUMN_EMPTY = -1,    /* no heading: must stay empty */
  COLUMN_SKIPPED = -2,  /* a computed column an export adds */
  COLUMN_BAD = -3,      /* a heading we could not read: already reported */
};

static void
problem_free (CrImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray *problems,
             guint      line,
             char      *message)
{
  CrImportProblem *problem = g_new0 (CrImportProblem, 1);

  problem->line = line;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/**
 * cr_attendance_mark_to_letter:
 * @mark: a mark
 *
 * The letter the register uses for @mark, the same in every language so
 * that an exported register always reads back.
 *
 * Returns: (transfer none): "P", "A", "X", or "" for %CR_ATTENDANCE_NONE
 */
const char *
cr_attendance_mark_to_letter (CrAttendanceMark mark)
{
  static const char *const letters[] = { "", "P", "A", "X" };

  g_return_val_if_fail (mark < CR_ATTENDANCE_N_MARKS, "");
  return letters[mark];
}

/**
 * cr_attendance_mark_get_label:
 * @mark: a mark
 *
 * Returns: (transfer none): the mark in words, "Present", "Apologies",
 *   "Absent", or "Not a member"
 */
const char *
cr_attendance_mark_get_label (CrAttendanceMark mark)
{
  switch (mark)
    {
    case CR_ATTENDANCE_PRESENT:
      return _("Present");
    case CR_ATTENDANCE_APOLOGIES:
      return _("Apologies");
    case CR_ATTENDANCE_ABSENT:
      return _("Absent");
    case CR_ATTENDANCE_NONE:
    case CR_ATTENDANCE_N_MARKS:
    default:
      return _("Not a member");
    }
}

static gboolean
is_space_at (const char *p,
             gsize       len)
{
  return (len >= 1 && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
                       *p == '\v' || *p == '\f')) ||
         (len >= 2 && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0);
}

static gsize
space_len (const char *p)
{
  return (guchar) *p == 0xC2 ? 2 : 1;
}

/* Narrows @text to what is inside the spaces around it (no-break spaces
 * too, as Excel leaves them), without copying. */
static const char *
trim (const char *text,
      gsize      *len)
{
  const char *start = text;
  gsize n = strlen (text);

  while (n > 0 && is_space_at (start, n))
    {
      gsize s = space_len (start);

      start += s;
      n -= s;
    }
  while (n > 0)
    {
      if (is_space_at (start + n - 1, 1))
        n--;
      else if (n >= 2 && (guchar) start[n - 2] == 0xC2 &&
               (guchar) start[n - 1] == 0xA0)
        n -= 2;
      else
        break;
    }
  *len = n;
  return start;
}

static gboolean
parse_mark_len (const char       *text,
                gsize             len,
                CrAttendanceMark *mark)
{
  static const struct
  {
    const char       *word;
    CrAttendanceMark  mark;
  } words[] = {
    { "p", CR_ATTENDANCE_PRESENT },
    { "a", CR_ATTENDANCE_APOLOGIES },
    { "x", CR_ATTENDANCE_ABSENT },
    { "present", CR_ATTENDANCE_PRESENT },
    { "apologies", CR_ATTENDANCE_APOLOGIES },
    { "apology", CR_ATTENDANCE_APOLOGIES },
    { "apols", CR_ATTENDANCE_APOLOGIES },
    { "absent", CR_ATTENDANCE_ABSENT },
  };

  if (len == 0)
    {
      *mark = CR_ATTENDANCE_NONE;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i].word) == len &&
        g_ascii_strncasecmp (text, words[i].word, len) == 0)
      {
        *mark = words[i].mark;
        return TRUE;
      }
  return FALSE;
}

/**
 * cr_attendance_mark_parse:
 * @text: a cell of the register
 * @mark: (out): the mark it holds
 *
 * Reads one cell: `P`, `A` or `X` in either case, or the words Present,
 * Apologies (Apology, Apols) or Absent; spaces around are ignored, and an
 * empty cell is %CR_ATTENDANCE_NONE.
 *
 * Returns: %TRUE if @text is a mark; on %FALSE @mark is untouched
 */
gboolean
cr_attendance_mark_parse (const char       *text,
                          CrAttendanceMark *mark)
{
  const char *start;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (mark != NULL, FALSE);

  start = trim (text, &len);
  return parse_mark_len (start, len, mark);
}

/**
 * cr_attendance_matrix_new:
 * @dates: (array length=n_dates): the meetings' dates, ISO `YYYY-MM-DD`,
 *   in column order
 * @n_dates: how many
 *
 * Returns: (transfer full): a register of those meetings with nobody on it
 */
CrAttendanceMatrix *
cr_attendance_matrix_new (const char * const *dates,
                          guint               n_dates)
{
  CrAttendanceMatrix *self;

  g_return_val_if_fail (dates != NULL || n_dates == 0, NULL);

  self = g_new0 (CrAttendanceMatrix, 1);
  self->n_dates = n_dates;
  self->dates = g_new0 (char *, n_dates + 1);
  for (guint i = 0; i < n_dates; i++)
    {
      g_warn_if_fail (cr_date_parse_iso (dates[i], NULL));
      self->dates[i] = g_strdup (dates[i]);
    }
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->marks = g_byte_array_new ();
  return self;
}

void
cr_attendance_matrix_free (CrAttendanceMatrix *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->dates);
  g_ptr_array_unref (self->names);
  g_array_unref (self->lines);
  g_byte_array_unref (self->marks);
  g_free (self);
}

/**
 * cr_attendance_matrix_add_person:
 * @self: a register
 * @name: the member's name
 * @marks: (array) (nullable): one #CrAttendanceMark a meeting, as many as
 *   the register has dates; %NULL for all empty
 * @line: the line of the file the row came from, or 0
 *
 * Adds a row at the bottom; @marks is copied.
 */
void
cr_attendance_matrix_add_person (CrAttendanceMatrix *self,
                                 const char         *name,
                                 const guint8       *marks,
                                 guint               line)
{
  guint at;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  g_ptr_array_add (self->names, g_strdup (name));
  g_array_append_val (self->lines, line);
  at = self->marks->len;
  g_byte_array_set_size (self->marks, at + self->n_dates);
  if (self->n_dates == 0)
    return;
  if (marks != NULL)
    {
      for (guint i = 0; i < self->n_dates; i++)
        g_warn_if_fail (marks[i] < CR_ATTENDANCE_N_MARKS);
      memcpy (self->marks->data + at, marks, self->n_dates);
    }
  else
    memset (self->marks->data + at, CR_ATTENDANCE_NONE, self->n_dates);
}

guint
cr_attendance_matrix_get_n_dates (CrAttendanceMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_dates;
}

/**
 * cr_attendance_matrix_get_date:
 * @column: a meeting, from 0, in the order of the file's columns
 *
 * Returns: (transfer none): the meeting's date, ISO `YYYY-MM-DD`
 */
const char *
cr_attendance_matrix_get_date (CrAttendanceMatrix *self,
                               guint               column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_dates, NULL);
  return self->dates[column];
}

guint
cr_attendance_matrix_get_n_people (CrAttendanceMatrix *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->names->len;
}

/**
 * cr_attendance_matrix_get_name:
 * @person: a row, from 0
 *
 * Returns: (transfer none): the name as the file had it, spaces around
 *   taken off
 */
const char *
cr_attendance_matrix_get_name (CrAttendanceMatrix *self,
                               guint               person)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (person < self->names->len, NULL);
  return g_ptr_array_index (self->names, person);
}

/**
 * cr_attendance_matrix_get_line:
 * @person: a row, from 0
 *
 * Returns: the line of the file the row starts on, or 0 if it was not
 *   read from a file
 */
guint
cr_attendance_matrix_get_line (CrAttendanceMatrix *self,
                               guint               person)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (person < self->names->len, 0);
  return g_array_index (self->lines, guint, person);
}

/**
 * cr_attendance_matrix_get_marks:
 * @person: a row, from 0
 *
 * Returns: (transfer none) (array): the row's marks, one #CrAttendanceMark
 *   a meeting; valid until the next person is added
 */
const guint8 *
cr_attendance_matrix_get_marks (CrAttendanceMatrix *self,
                                guint               person)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (person < self->names->len, NULL);
  /* A register without dates has no marks, and its array may have no
   * storage: adding even zero to NULL is undefined (fuzz-attendance). */
  if (self->n_dates == 0)
    return (const guint8 *) "";
  return self->marks->data + (gsize) person * self->n_dates;
}

CrAttendanceMark
cr_attendance_matrix_get_mark (CrAttendanceMatrix *self,
                               guint               person,
                               guint               column)
{
  g_return_val_if_fail (self != NULL, CR_ATTENDANCE_NONE);
  g_return_val_if_fail (person < self->names->len, CR_ATTENDANCE_NONE);
  g_return_val_if_fail (column < self->n_dates, CR_ATTENDANCE_NONE);
  return self->marks->data[(gsize) person * self->n_dates + column];
}

/**
 * cr_attendance_matrix_equal:
 *
 * Whether two registers have the same dates in the same order and the
 * same people with the same marks in the same order. The lines they came
 * from do not count.
 *
 * Returns: %TRUE if @a and @b hold the same register
 */
gboolean
cr_attendance_matrix_equal (CrAttendanceMatrix *a,
                            CrAttendanceMatrix *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->n_dates != b->n_dates || a->names->len != b->names->len)
    return FALSE;
  for (guint i = 0; i < a->n_dates; i++)
    if (strcmp (a->dates[i], b->dates[i]) != 0)
      return FALSE;
  for (guint i = 0; i < a->names->len; i++)
    if (strcmp (a->names->pdata[i], b->names->pdata[i]) != 0)
      return FALSE;
  /* An empty register's array may hold no data at all, and memcmp() must
   * not be handed NULL even for zero bytes (found by fuzz-attendance). */
  return a->marks->len == b->marks->len &&
         (a->marks->len == 0 ||
          memcmp (a->marks->data, b->marks->data, a->marks->len) == 0);
}

/* "A", "Z", "AA": the column as the spreadsheet names it. */
static char *
column_letters (guint column)
{
  char buf[8];
  guint i = sizeof buf - 1;

  buf[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      buf[--i] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  return g_strdup (buf + i);
}

/* Lower-case ASCII letters and digits only: "Attended (%)" is "attended". */
static char *
fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* A column an export adds after the meetings, worked out from them. */
static gboolean
is_computed_heading (const char *heading)
{
  g_autofree char *folded = fold (heading);

  return strchr (heading, '%') != NULL ||
         g_str_has_prefix (folded, "attend") ||
         g_str_equal (folded, "total") || g_str_equal (folded, "totals");
}

static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_str_equal (fa, fb);
}

static gboolean
is_summary_label (const char *label)
{
  static const char *const english[] = {
    N_("Present"), N_("Apologies"), N_("Absent"), N_("Quorate"),
    N_("Total"), N_("Totals"), NULL
  };

  if (*label == '\0')
    return FALSE;
  for (guint i = 0; english[i] != NULL; i++)
    if (same_words (label, english[i]) || same_words (label, _(english[i])))
      return TRUE;
  return FALSE;
}

/* A count ("12"), a share ("75%", "0.75") or a yes or no. */
static gboolean
is_summary_value (const char *text,
                  gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);
  gboolean digit = FALSE;
  gsize i;

  for (i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (text[i]))
        digit = TRUE;
      else if (text[i] != '.' && text[i] != '%')
        break;
    }
  if (i == len && digit)
    return TRUE;
  return same_words (copy, "Yes") || same_words (copy, "No") ||
         same_words (copy, _("Yes")) || same_words (copy, _("No"));
}

/* Whether @record is one of the rows an export writes below the register:
 * a label such as "Present" and then only counts or yes/no. */
static gboolean
is_summary_row (CrCsv *csv,
                guint  record)
{
  g_autofree char *label = cr_csv_dup_field_stripped (csv, record, 0);
  guint n = cr_csv_record_get_n_fields (csv, record);

  if (label == NULL || !is_summary_label (label))
    return FALSE;
  for (guint c = 1; c < n; c++)
    {
      gsize len;
      const char *cell = trim (cr_csv_get_field (csv, record, c), &len);

      if (len > 0 && !is_summary_value (cell, len))
        return FALSE;
    }
  return TRUE;
}

static guint
count_filled (CrCsv *csv,
              guint  record)
{
  guint n = cr_csv_record_get_n_fields (csv, record);
  guint filled = 0;

  for (guint c = 0; c < n; c++)
    {
      gsize len;

      trim (cr_csv_get_field (csv, record, c), &len);
      filled += len > 0;
    }
  return filled;
}

/* The key two rows are the same person by: case and runs of spaces do not
 * count. */
static char *
name_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* What the header says about each column: the meeting it is (an index
 * into @dates) or one of the COLUMN_ values. Reports what it can't read. */
static int *
read_header (CrCsv     *csv,
             guint      header,
             GPtrArray *dates,
             GPtrArray *problems,
             guint     *n_bad)
{
  guint line = cr_csv_get_line (csv, header);
  guint n = cr_csv_record_get_n_fields (csv, header);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *first = cr_csv_dup_field_stripped (csv, header, 0);
  int *kinds = g_new0 (int, n);

  *n_bad = 0;
  if (cr_date_parse (first, NULL, NULL))
    add_problem (problems, line,
                 g_strdup_printf (_("The first column should hold the "
                                    "members’ names, but its heading “%s” is "
                                    "a date. Put the names in column A and "
                                    "one meeting in each column after it."),
                                  first));

  for (guint c = 1; c < n; c++)
    {
      g_autofree char *heading = cr_csv_dup_field_stripped (csv, header, c);
      g_autofree char *letters = column_letters (c);
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = NULL;
      GDate date;
      gpointer other;

      if (*heading == '\0')
        {
          kinds[c] = COLUMN_EMPTY;
          continue;
        }
      if (!cr_date_parse (heading, &date, &error))
        {
          if (is_computed_heading (heading))
            {
              kinds[c] = COLUMN_SKIPPED;
              continue;
            }
          kinds[c] = COLUMN_BAD;
          (*n_bad)++;
          /* Translators: "Column D: “Jan” is not a date; write it like
           * 22/11/2026. Each column …" */
          add_problem (problems, line,
                       g_strdup_printf (_("Column %s: %s. Each column after "
                                          "the names is one meeting, headed "
                                          "by its date."),
                                        letters, error->message));
          continue;
        }

      iso = cr_date_to_iso (&date);
      if (g_hash_table_lookup_extended (seen, iso, NULL, &other))
        {
          g_autofree char *other_letters =
            column_letters (GPOINTER_TO_UINT (other));
          g_autofree char *uk = cr_date_to_uk (&date);

          kinds[c] = COLUMN_BAD;
          (*n_bad)++;
          add_problem (problems, line,
                       g_strdup_printf (_("Columns %s and %s are both for the "
                                          "meeting on %s. Give each meeting "
                                          "one column, and put its marks in "
                                          "that one."),
                                        other_letters, letters, uk));
          continue;
        }
      kinds[c] = (int) dates->len;
      g_hash_table_insert (seen, iso, GUINT_TO_POINTER (c));
      g_ptr_array_add (dates, g_steal_pointer (&iso));
    }
  return kinds;
}

/* Reads one person's row into @marks; FALSE (and problems) if it can't. */
static gboolean
read_row (CrCsv       *csv,
          guint        record,
          guint        header,
          const int   *kinds,
          guint        n_columns,
          guint8      *marks,
          guint        n_dates,
          GPtrArray   *problems)
{
  guint line = cr_csv_get_line (csv, record);
  guint n = cr_csv_record_get_n_fields (csv, record);
  gboolean ok = TRUE;

  memset (marks, CR_ATTENDANCE_NONE, n_dates);
  for (guint c = 1; c < n; c++)
    {
      const char *cell;
      gsize len;
      CrAttendanceMark mark;

      cell = trim (cr_csv_get_field (csv, record, c), &len);
      if (len == 0)
        continue;

      if (c >= n_columns || kinds[c] == COLUMN_EMPTY)
        {
          g_autofree char *letters = column_letters (c);
          g_autofree char *text = g_strndup (cell, len);

          add_problem (problems, line,
                       g_strdup_printf (_("“%s” is in column %s, which has "
                                          "no meeting date at the top. Put "
                                          "the meeting’s date in row %u, or "
                                          "clear the column."),
                                        text, letters,
                                        cr_csv_get_line (csv, header)));
          ok = FALSE;
        }
      else if (kinds[c] == COLUMN_SKIPPED)
        continue;
      else if (!parse_mark_len (cell, len, &mark))
        {
          g_autofree char *letters = column_letters (c);
          g_autofree char *text = g_strndup (cell, len);
          g_autofree char *heading = cr_csv_dup_field_stripped (csv, header,
                                                                 c);

          add_problem (problems, line,
                       g_strdup_printf (_("“%s” under %s (column %s) is not a "
                                          "mark: write P for present, A for "
                                          "apologies or X for absent, or "
                                          "leave the cell empty if they were "
                                          "not a member then."),
                                        text, heading, letters));
          ok = FALSE;
        }
      else if (kinds[c] >= 0)
        marks[kinds[c]] = (guint8) mark;
    }
  return ok;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const CrImportProblem *pa = *(CrImportProblem *const *) a;
  const CrImportProblem *pb = *(CrImportProblem *const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/**
 * cr_attendance_matrix_parse:
 * @csv: a register saved as CSV (see the top of this file for the layout)
 * @problems: (out) (transfer full) (element-type CrImportProblem): every
 *   problem found, in the order of the file; empty if there are none
 *
 * Reads a register. Rows and columns with problems are left out of the
 * matrix and every problem is listed with its line, so the caller can
 * show them all and import nothing until the file is right.
 *
 * Returns: (transfer full): the register as far as it could be read;
 *   never %NULL
 */
CrAttendanceMatrix *
cr_attendance_matrix_parse (CrCsv      *csv,
                            GPtrArray **problems)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) dates = NULL;
  g_autoptr (GHashTable) names = NULL;
  g_autofree int *kinds = NULL;
  g_autofree guint8 *marks = NULL;
  CrAttendanceMatrix *self;
  guint n_records, n_columns, n_bad;
  guint header;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  dates = g_ptr_array_new_with_free_func (g_free);
  n_records = cr_csv_get_n_records (csv);

  /* A title, a period and blank lines may come before the header. */
  for (header = 0; header < n_records; header++)
    if (count_filled (csv, header) >= 2)
      break;
  if (header == n_records)
    {
      add_problem (found, cr_csv_get_line (csv, 0),
                   g_strdup (_("There are no meetings in the file. The first "
                               "row should hold Name and then one meeting "
                               "date in each column, like 22/11/2026; each "
                               "row after it is one member.")));
      *problems = g_steal_pointer (&found);
      return cr_attendance_matrix_new (NULL, 0);
    }

  kinds = read_header (csv, header, dates, found, &n_bad);
  n_columns = cr_csv_record_get_n_fields (csv, header);
  if (dates->len == 0 && n_bad == 0)
    add_problem (found, cr_csv_get_line (csv, header),
                 g_strdup (_("There are no meetings in the file. After the "
                             "names, each column should be one meeting, "
                             "headed by its date, like 22/11/2026.")));

  self = cr_attendance_matrix_new ((const char * const *) dates->pdata,
                                   dates->len);
  marks = g_malloc0 (MAX (dates->len, 1));
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = header + 1; r < n_records; r++)
    {
      g_autofree char *name = NULL;
      g_autofree char *key = NULL;
      guint line = cr_csv_get_line (csv, r);
      gboolean ok;
      gpointer other;

      if (cr_csv_record_is_blank (csv, r) || is_summary_row (csv, r))
        continue;

      ok = read_row (csv, r, header, kinds, n_columns, marks, dates->len,
                     found);
      name = cr_csv_dup_field_stripped (csv, r, 0);
      if (*name == '\0')
        {
          add_problem (found, line,
                       g_strdup (_("The row has marks but no name. Put the "
                                   "member’s name in column A, or clear the "
                                   "row.")));
          continue;
        }

      key = name_key (name);
      if (g_hash_table_lookup_extended (names, key, NULL, &other))
        {
          add_problem (found, line,
                       g_strdup_printf (_("“%s” is also on line %u. Give "
                                          "each member one row; tell two "
                                          "people with the same name apart, "
                                          "for example with a middle initial "
                                          "or their flat number."),
                                        name, GPOINTER_TO_UINT (other)));
          continue;
        }
      g_hash_table_insert (names, g_steal_pointer (&key),
                           GUINT_TO_POINTER (line));

      if (ok)
        cr_attendance_matrix_add_person (self, name, marks, line);
    }

  /* Header problems first, then row by row; stable, so a row's own
   * problems keep their column order. */
  g_ptr_array_sort (found, compare_problems);
  *problems = g_steal_pointer (&found);
  return self;
}

/**
 * cr_attendance_describe_problems:
 * @problems: (element-type CrImportProblem): from
 *   cr_attendance_matrix_parse()
 * @filename: the file's name as the user knows it
 * @max: how many to list before "and N more", or 0 for all
 *
 * Returns: (transfer full): the problems, one a line, as
 *   "FILE:LINE: reason"
 */
char *
cr_attendance_describe_problems (GPtrArray  *problems,
                                 const char *filename,
                                 guint       max)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (problems != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  n = problems->len;
  for (guint i = 0; i < n && (max == 0 || i < max); i++)
    {
      CrImportProblem *p = g_ptr_array_index (problems, i);

      g_string_append_printf (out, "%s:%u: %s\n", filename, p->line,
                              p->message);
    }
  if (max > 0 && n > max)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "… and %u more problem.\n",
                                         "… and %u more problems.\n",
                                         n - max),
                            n - max);
  return g_string_free (out, FALSE);
}

static inline void
tally_one (CrAttendanceTally *tally,
           guint8             mark)
{
  switch (mark)
    {
    case CR_ATTENDANCE_PRESENT:
      tally->present++;
      break;
    case CR_ATTENDANCE_APOLOGIES:
      tally->apologies++;
      break;
    case CR_ATTENDANCE_ABSENT:
      tally->absent++;
      break;
    default:
      break;
    }
}

/**
 * cr_attendance_tally_add_row:
 * @tally: one member's counts, added to
 * @marks: (array length=n_marks): the member's marks
 * @n_marks: how many
 *
 * Counts a member's row: how often present, with apologies and absent.
 */
void
cr_attendance_tally_add_row (CrAttendanceTally *tally,
                             const guint8      *marks,
                             guint              n_marks)
{
  g_return_if_fail (tally != NULL);
  g_return_if_fail (marks != NULL || n_marks == 0);

  for (guint i = 0; i < n_marks; i++)
    tally_one (tally, marks[i]);
}

/**
 * cr_attendance_tally_add_columns:
 * @tallies: (array length=n_marks): one count a meeting, added to
 * @marks: (array length=n_marks): one member's marks
 * @n_marks: how many meetings
 *
 * Adds one member's row to the meetings' counts, for totals written
 * while the rows stream past.
 */
void
cr_attendance_tally_add_columns (CrAttendanceTally *tallies,
                                 const guint8      *marks,
                                 guint              n_marks)
{
  g_return_if_fail (tallies != NULL || n_marks == 0);
  g_return_if_fail (marks != NULL || n_marks == 0);

  for (guint i = 0; i < n_marks; i++)
    tally_one (&tallies[i], marks[i]);
}

/**
 * cr_attendance_tally_get_member_of:
 *
 * Returns: the meetings the member was a member for (their marked cells),
 *   or the members a meeting had
 */
guint
cr_attendance_tally_get_member_of (const CrAttendanceTally *tally)
{
  g_return_val_if_fail (tally != NULL, 0);
  return tally->present + tally->apologies + tally->absent;
}

/**
 * cr_attendance_tally_get_percent:
 * @tally: a member's counts
 * @percent: (out): meetings attended as a share of those they were a
 *   member for, in whole per cent, halves rounded up
 *
 * Returns: %FALSE if they were a member for no meeting at all, when there
 *   is no percentage to give
 */
gboolean
cr_attendance_tally_get_percent (const CrAttendanceTally *tally,
                                 guint                   *percent)
{
  guint64 of;

  g_return_val_if_fail (tally != NULL, FALSE);
  g_return_val_if_fail (percent != NULL, FALSE);

  of = cr_attendance_tally_get_member_of (tally);
  if (of == 0)
    return FALSE;
  *percent = (guint) (((guint64) tally->present * 200 + of) / (2 * of));
  return TRUE;
}

/**
 * cr_attendance_matrix_tally_meetings:
 *
 * Returns: (transfer full) (array): one count a meeting, in column order
 */
CrAttendanceTally *
cr_attendance_matrix_tally_meetings (CrAttendanceMatrix *self)
{
  CrAttendanceTally *tallies;

  g_return_val_if_fail (self != NULL, NULL);

  tallies = g_new0 (CrAttendanceTally, MAX (self->n_dates, 1));
  for (guint p = 0; p < self->names->len; p++)
    cr_attendance_tally_add_columns (tallies,
                                     cr_attendance_matrix_get_marks (self, p),
                                     self->n_dates);
  return tallies;
}

/**
 * cr_attendance_matrix_tally_people:
 *
 * Returns: (transfer full) (array): one count a person, in row order
 */
CrAttendanceTally *
cr_attendance_matrix_tally_people (CrAttendanceMatrix *self)
{
  CrAttendanceTally *tallies;

  g_return_val_if_fail (self != NULL, NULL);

  tallies = g_new0 (CrAttendanceTally, MAX (self->names->len, 1));
  for (guint p = 0; p < self->names->len; p++)
    cr_attendance_tally_add_row (&tallies[p],
                                 cr_attendance_matrix_get_marks (self, p),
                                 self->n_dates);
  return tallies;
}
