/* bench-attendance.c: the million-mark attendance register, exported
 * through cr-report-attendance and through bare libxlsxwriter
 *
 * 20,000 members by 50 meetings, 1,000,000 marks (about one in ten
 * empty: not a member then), handed over one row at a time by a callback
 * as the store's cursor will, so nothing holds the whole register. The
 * bare writer writes the same cells (title, headings, names, letters,
 * each member's share, the COUNTIF totals with their values, the quorate
 * row) with libxlsxwriter in constant-memory mode and nothing else. Each
 * runs in a forked child, so each one's peak memory is its own; the best
 * of three runs of each is compared. DESIGN.md's target: at most 1.5× the
 * bare time, peak under 200 MB.
 *
 * For scale it also times reading the same register back from CSV
 * (cr_csv_parse() and cr_attendance_matrix_parse()), which has no target.
 *
 * Run with `meson test --benchmark attendance` or `make bench`; optional
 * arguments set the number of members and of meetings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-attendance-matrix.h"
#include "cr-report-attendance.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define MAX_MEETINGS 1000
#define N_RUNS       3
#define TARGET_RATIO 1.5
#define TARGET_MB    200

typedef struct
{
  double seconds;
  long   max_rss_kb;
} Result;

typedef gboolean (*Writer) (const char *path);

static guint n_members = 20000;
static guint n_meetings = 50;
static char  dates[MAX_MEETINGS][11];

/* The register, made up as it is asked for. */
typedef struct
{
  guint  next;
  char   name[64];
  guint8 marks[MAX_MEETINGS];
} Rows;

static void
make_row (Rows  *rows,
          guint  member)
{
  static const guint8 cycle[] = {
    CR_ATTENDANCE_PRESENT, CR_ATTENDANCE_PRESENT, CR_ATTENDANCE_APOLOGIES,
    CR_ATTENDANCE_ABSENT,
  };

  g_snprintf (rows->name, sizeof rows->name, "Member %u", member + 1);
  for (guint c = 0; c < n_meetings; c++)
    rows->marks[c] = (member + c) % 10 == 0
                     ? CR_ATTENDANCE_NONE
                     : cycle[(member * 7 + c * 3) % G_N_ELEMENTS (cycle)];
}

static gboolean
next_row (gpointer       user_data,
          const char   **name,
          const guint8 **marks,
          GError       **error)
{
  Rows *rows = user_data;

  if (rows->next >= n_members)
    return FALSE;
  make_row (rows, rows->next++);
  *name = rows->name;
  *marks = rows->marks;
  return TRUE;
}

static char *
scratch_dir (void)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), "commonroom", "tmp",
                                NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

static gboolean
write_bare (const char *path)
{
  static const char *const letters[] = { NULL, "P", "A", "X" };
  static const char *const labels[] = { NULL, "Present", "Apologies",
                                        "Absent" };
  g_autofree char *tmpdir = scratch_dir ();
  g_autofree CrAttendanceTally *tallies = g_new0 (CrAttendanceTally,
                                                  n_meetings);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE,
                                   .tmpdir = tmpdir };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Attendance");
  lxw_format *bold = workbook_add_format (workbook);
  lxw_format *percent = workbook_add_format (workbook);
  Rows rows = { 0 };
  lxw_row_t row = 4;
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  char formula[64];

  format_set_bold (bold);
  format_set_num_format (percent, "0%");

  worksheet_write_string (sheet, 0, 0, "Benchmark TRA: attendance register",
                          bold);
  worksheet_write_string (sheet, 1, 0, "1 April 2026 to 31 March 2027",
                          NULL);
  worksheet_write_string (sheet, 3, 0, "Name", bold);
  for (guint c = 0; c < n_meetings; c++)
    worksheet_write_string (sheet, 3, (lxw_col_t) (c + 1), dates[c], bold);
  worksheet_write_string (sheet, 3, (lxw_col_t) (n_meetings + 1),
                          "Attended (%)", bold);

  for (guint r = 0; r < n_members; r++, row++)
    {
      CrAttendanceTally own = { 0 };

      make_row (&rows, r);
      worksheet_write_string (sheet, row, 0, rows.name, NULL);
      for (guint c = 0; c < n_meetings; c++)
        {
          guint8 mark = rows.marks[c];

          if (mark == CR_ATTENDANCE_NONE)
            continue;
          worksheet_write_string (sheet, row, (lxw_col_t) (c + 1),
                                  letters[mark], NULL);
        }
      cr_attendance_tally_add_row (&own, rows.marks, n_meetings);
      cr_attendance_tally_add_columns (tallies, rows.marks, n_meetings);
      if (cr_attendance_tally_get_member_of (&own) > 0)
        worksheet_write_number (sheet, row, (lxw_col_t) (n_meetings + 1),
                                (double) own.present /
                                cr_attendance_tally_get_member_of (&own),
                                percent);
    }

  for (guint m = CR_ATTENDANCE_PRESENT; m <= CR_ATTENDANCE_ABSENT; m++, row++)
    {
      worksheet_write_string (sheet, row, 0, labels[m], bold);
      for (guint c = 0; c < n_meetings; c++)
        {
          guint count = m == CR_ATTENDANCE_PRESENT ? tallies[c].present :
                        m == CR_ATTENDANCE_APOLOGIES ? tallies[c].apologies :
                        tallies[c].absent;

          lxw_rowcol_to_range (range, 4, (lxw_col_t) (c + 1),
                               4 + n_members - 1, (lxw_col_t) (c + 1));
          g_snprintf (formula, sizeof formula, "=COUNTIF(%s,\"%s\")", range,
                      letters[m]);
          worksheet_write_formula_num (sheet, row, (lxw_col_t) (c + 1),
                                       formula, bold, count);
        }
    }
  worksheet_write_string (sheet, row, 0, "Quorate", bold);
  for (guint c = 0; c < n_meetings; c++)
    worksheet_write_string (sheet, row, (lxw_col_t) (c + 1),
                            c % 7 == 3 ? "No" : "Yes", NULL);

  return workbook_close (workbook) == LXW_NO_ERROR;
}

static gboolean
write_report (const char *path)
{
  CrAttendanceReportInfo info = {
    .association = "Benchmark TRA",
    .period = "1 April 2026 to 31 March 2027",
    .source_file = "/home/secretary/Benchmark.commonroom",
  };
  g_autofree CrAttendanceMeeting *meetings = g_new0 (CrAttendanceMeeting,
                                                     n_meetings);
  g_autoptr (GError) error = NULL;
  Rows rows = { 0 };

  for (guint c = 0; c < n_meetings; c++)
    {
      GDate date;

      /* The headings hold dd/mm/yyyy; the report wants ISO. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
      g_date_add_days (&date, c * 7);
      meetings[c].date = g_strdup_printf ("%04u-%02u-%02u",
                                          (guint) g_date_get_year (&date),
                                          (guint) g_date_get_month (&date),
                                          (guint) g_date_get_day (&date));
      meetings[c].quorate = c % 7 == 3 ? CR_ATTENDANCE_QUORATE_NO
                                       : CR_ATTENDANCE_QUORATE_YES;
    }

  if (!cr_report_attendance (path, &info, meetings, n_meetings, next_row,
                             &rows, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  /* The child exits straight after; the dates are not worth freeing. */
  return TRUE;
}

/* The same register as a CSV file, read back. */
static gboolean
read_csv (const char *path)
{
  g_autoptr (GString) text = g_string_new ("Name");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CrCsv) csv = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrAttendanceMatrix) matrix = NULL;
  g_autoptr (GError) error = NULL;
  Rows rows = { 0 };
  gint64 start;

  for (guint c = 0; c < n_meetings; c++)
    g_string_append_printf (text, ",%s", dates[c]);
  g_string_append_c (text, '\n');
  for (guint r = 0; r < n_members; r++)
    {
      make_row (&rows, r);
      g_string_append (text, rows.name);
      for (guint c = 0; c < n_meetings; c++)
        {
          g_string_append_c (text, ',');
          g_string_append (text, cr_attendance_mark_to_letter (rows.marks[c]));
        }
      g_string_append_c (text, '\n');
    }

  /* Only the reading counts; the file is made above. */
  start = g_get_monotonic_time ();
  bytes = g_bytes_new_static (text->str, text->len);
  csv = cr_csv_parse (bytes, &error);
  if (csv == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  matrix = cr_attendance_matrix_parse (csv, &problems);
  g_print ("# read %u members x %u meetings from CSV in %.3f s\n",
           cr_attendance_matrix_get_n_people (matrix),
           cr_attendance_matrix_get_n_dates (matrix),
           (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  return problems->len == 0 &&
         cr_attendance_matrix_get_n_people (matrix) == n_members;
}

/* Runs @writer in a child; its time and its own peak resident size. */
static Result
run_in_child (Writer      writer,
              const char *path)
{
  Result result = { 0 };
  struct rusage usage;
  int fds[2];
  int status = 0;
  pid_t pid;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      gint64 start;
      double seconds;

      close (fds[0]);
      start = g_get_monotonic_time ();
      if (!writer (path))
        _exit (1);
      seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
      if (write (fds[1], &seconds, sizeof seconds) != sizeof seconds)
        _exit (1);
      fflush (stdout);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], &result.seconds, sizeof result.seconds) !=
      sizeof result.seconds)
    result.seconds = -1;
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0)
    g_error ("the child failed");
  result.max_rss_kb = usage.ru_maxrss;
  g_unlink (path);
  return result;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cr-bench-attendance-XXXXXX", &error);
  g_autofree char *bare_path = NULL;
  g_autofree char *report_path = NULL;
  Result bare_best = { G_MAXDOUBLE, 0 }, report_best = { G_MAXDOUBLE, 0 };
  Result csv;
  double ratio;
  gboolean ok;

  g_assert_no_error (error);
  if (argc > 1)
    n_members = (guint) atoi (argv[1]);
  if (argc > 2)
    n_meetings = CLAMP ((guint) atoi (argv[2]), 1, MAX_MEETINGS);
  for (guint c = 0; c < n_meetings; c++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
      g_date_add_days (&date, c * 7);
      g_snprintf (dates[c], sizeof dates[c], "%02u/%02u/%04u",
                  (guint) g_date_get_day (&date),
                  (guint) g_date_get_month (&date),
                  (guint) g_date_get_year (&date));
    }
  bare_path = g_build_filename (dir, "bare.xlsx", NULL);
  report_path = g_build_filename (dir, "report.xlsx", NULL);

  g_print ("# %u members x %u meetings = %u marks\n", n_members, n_meetings,
           n_members * n_meetings);

  /* Alternate the two so neither gets a warmer cache throughout. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      Result bare = run_in_child (write_bare, bare_path);
      Result report = run_in_child (write_report, report_path);

      g_print ("# run %u: bare %.3f s (%ld MB), cr-report-attendance %.3f s "
               "(%ld MB)\n",
               i + 1, bare.seconds, bare.max_rss_kb / 1024, report.seconds,
               report.max_rss_kb / 1024);
      bare_best.seconds = MIN (bare_best.seconds, bare.seconds);
      report_best.seconds = MIN (report_best.seconds, report.seconds);
      bare_best.max_rss_kb = MAX (bare_best.max_rss_kb, bare.max_rss_kb);
      report_best.max_rss_kb = MAX (report_best.max_rss_kb, report.max_rss_kb);
    }

  /* Once more, kept, for the size of what a user gets. */
  {
    g_autofree char *keep = g_build_filename (dir, "kept.xlsx", NULL);

    if (!write_report (keep))
      return 1;
    g_print ("# the report is %.1f MB\n", file_size (keep) / 1048576.0);
    g_unlink (keep);
  }

  csv = run_in_child (read_csv, bare_path);
  g_print ("# reading it back from CSV, with making the CSV: %.3f s, "
           "peak %ld MB\n", csv.seconds, csv.max_rss_kb / 1024);

  ratio = report_best.seconds / bare_best.seconds;
  ok = ratio <= TARGET_RATIO && report_best.max_rss_kb < TARGET_MB * 1024;
  g_print ("bare libxlsxwriter (constant memory): %.3f s, peak %ld MB\n",
           bare_best.seconds, bare_best.max_rss_kb / 1024);
  g_print ("cr-report-attendance:                 %.3f s, peak %ld MB\n",
           report_best.seconds, report_best.max_rss_kb / 1024);
  g_print ("ratio %.2f (target <= %.1f), peak %s %d MB: %s\n", ratio,
           TARGET_RATIO, report_best.max_rss_kb < TARGET_MB * 1024
           ? "under" : "OVER", TARGET_MB, ok ? "PASS" : "FAIL");

  g_rmdir (dir);
  return ok ? 0 : 1;
}
