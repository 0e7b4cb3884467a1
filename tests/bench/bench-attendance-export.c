/* bench-attendance-export.c: `export attendance` on the benchmark file,
 * against bare libxlsxwriter writing the same cells
 *
 * The file is DESIGN.md's benchmark file, cr_demo_fill() with 100,000
 * members and 20,000 meetings (about a million marks), made once in a
 * child. The register exported is the biggest one it holds: the whole
 * association's, every member (about 97,000) at each of its annual general
 * meetings, about a million cells, most of them "X" (the register was
 * taken and they were not there). The store's cursor
 * (cr-store-attendance.c) streams it into cr-report-attendance through
 * cr_report_group_attendance(), exactly what `commonroom-cli export
 * attendance` runs.
 *
 * The baseline writes the same cells (title, headings, each member's name
 * and letters, their share, the COUNTIF totals with their values, the
 * quorate row) with libxlsxwriter in constant-memory mode and nothing
 * else, reading the rows from a flat file the first child left (as cheap
 * a source as there is). Each run is a forked child, so each one's peak
 * memory is its own; the best of three of each is compared. Opening the
 * file (its integrity check) is timed apart and left out of the ratio:
 * it is the same for every command. DESIGN.md's target: at most 1.5× the
 * bare time, peak under 200 MB.
 *
 * Run with `meson test --benchmark attendance-export` or `make bench`;
 * optional arguments set the members and the meetings of the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-attendance-matrix.h"
#include "cr-demo.h"
#include "cr-report-register.h"
#include "cr-store-attendance.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define N_RUNS       3
#define TARGET_RATIO 1.5
#define TARGET_MB    200

typedef struct
{
  double seconds;
  double cpu_seconds;   /* user + system of the timed part */
  double open_seconds;
  long   max_rss_kb;
} Result;

typedef gboolean (*Job) (Result *result);

static guint  n_members = 100000;
static guint  n_meetings = 20000;
static char  *file_path;
static char  *rows_path;
static char  *xlsx_path;

/* ---- the file, and the register as flat rows --------------------------- */

static gboolean
make_file (Result *result)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (CrAttendanceCursor) cursor = NULL;
  CrDemoOptions options = { .members = n_members, .meetings = n_meetings,
                            .seed = 1 };
  const char *name;
  const guint8 *marks;
  guint n, n_rows = 0;
  gsize n_cells = 0;
  gint64 start = g_get_monotonic_time ();
  FILE *out;

  store = cr_store_create (file_path, "Benchmark TRA", &error);
  if (store == NULL || !cr_demo_fill (store, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  g_print ("# made the file in %.1f s\n",
           (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);

  /* The rows the report will write, for the bare writer to write too. */
  cursor = cr_store_open_attendance (store, cr_store_get_association_group (store),
                                     NULL, NULL, &error);
  if (cursor == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  n = cr_attendance_cursor_get_n_meetings (cursor);
  out = fopen (rows_path, "wb");
  if (out == NULL)
    return FALSE;
  fwrite (&n, sizeof n, 1, out);
  for (guint i = 0; i < n; i++)
    {
      const CrRegisterMeeting *m = cr_attendance_cursor_get_meeting (cursor, i);

      fwrite (m->date, 1, 11, out);
    }
  while (cr_attendance_cursor_next (cursor, &name, &marks, &error))
    {
      guint len = strlen (name);

      fwrite (&len, sizeof len, 1, out);
      fwrite (name, 1, len, out);
      fwrite (marks, 1, n, out);
      n_rows++;
      for (guint i = 0; i < n; i++)
        n_cells += marks[i] != CR_ATTENDANCE_NONE;
    }
  fclose (out);
  if (error != NULL)
    return FALSE;
  g_print ("# the association's register: %u members x %u meetings, "
           "%" G_GSIZE_FORMAT " marks written\n", n_rows, n, n_cells);
  result->seconds = 0;
  return TRUE;
}

/* ---- the two writers ---------------------------------------------------- */

/* The machine is shared (two cores, several builds at once), so the
 * processor time each writer used is printed beside the wall time: it
 * hardly moves with the load. */
static double
cpu_now (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (double) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         (double) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / G_USEC_PER_SEC;
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
write_bare (Result *result)
{
  static const char *const letters[] = { NULL, "P", "A", "X" };
  static const char *const labels[] = { NULL, "Present", "Apologies",
                                        "Absent" };
  g_autofree char *tmpdir = scratch_dir ();
  g_autofree CrAttendanceTally *tallies = NULL;
  g_autofree guint8 *marks = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE,
                                   .tmpdir = tmpdir };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold, *percent;
  lxw_row_t row = 4;
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  char formula[64];
  char name[1024];
  guint n = 0, n_rows = 0, len;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_now ();
  FILE *in = fopen (rows_path, "rb");

  if (in == NULL || fread (&n, sizeof n, 1, in) != 1)
    return FALSE;
  workbook = workbook_new_opt (xlsx_path, &options);
  sheet = workbook_add_worksheet (workbook, "Attendance");
  bold = workbook_add_format (workbook);
  percent = workbook_add_format (workbook);
  format_set_bold (bold);
  format_set_num_format (percent, "0%");
  tallies = g_new0 (CrAttendanceTally, MAX (n, 1));
  marks = g_malloc0 (MAX (n, 1));

  worksheet_write_string (sheet, 0, 0, "Benchmark TRA: attendance register",
                          bold);
  worksheet_write_string (sheet, 3, 0, "Name", bold);
  for (guint c = 0; c < n; c++)
    {
      char date[11];

      if (fread (date, 1, 11, in) != 11)
        return FALSE;
      worksheet_write_string (sheet, 3, (lxw_col_t) (c + 1), date, bold);
    }
  worksheet_write_string (sheet, 3, (lxw_col_t) (n + 1), "Attended (%)", bold);

  while (fread (&len, sizeof len, 1, in) == 1)
    {
      CrAttendanceTally own = { 0 };

      if (len >= sizeof name || fread (name, 1, len, in) != len ||
          fread (marks, 1, n, in) != n)
        return FALSE;
      name[len] = '\0';
      worksheet_write_string (sheet, row, 0, name, NULL);
      for (guint c = 0; c < n; c++)
        if (marks[c] != CR_ATTENDANCE_NONE)
          worksheet_write_string (sheet, row, (lxw_col_t) (c + 1),
                                  letters[marks[c]], NULL);
      cr_attendance_tally_add_row (&own, marks, n);
      cr_attendance_tally_add_columns (tallies, marks, n);
      if (cr_attendance_tally_get_member_of (&own) > 0)
        worksheet_write_number (sheet, row, (lxw_col_t) (n + 1),
                                (double) own.present /
                                cr_attendance_tally_get_member_of (&own),
                                percent);
      row++;
      n_rows++;
    }
  fclose (in);

  for (guint m = CR_ATTENDANCE_PRESENT; m <= CR_ATTENDANCE_ABSENT; m++, row++)
    {
      worksheet_write_string (sheet, row, 0, labels[m], bold);
      for (guint c = 0; c < n; c++)
        {
          guint count = m == CR_ATTENDANCE_PRESENT ? tallies[c].present :
                        m == CR_ATTENDANCE_APOLOGIES ? tallies[c].apologies :
                        tallies[c].absent;

          lxw_rowcol_to_range (range, 4, (lxw_col_t) (c + 1),
                               4 + MAX (n_rows, 1) - 1, (lxw_col_t) (c + 1));
          g_snprintf (formula, sizeof formula, "=COUNTIF(%s,\"%s\")", range,
                      letters[m]);
          worksheet_write_formula_num (sheet, row, (lxw_col_t) (c + 1),
                                       formula, bold, count);
        }
    }
  worksheet_write_string (sheet, row, 0, "Quorate", bold);
  for (guint c = 0; c < n; c++)
    worksheet_write_string (sheet, row, (lxw_col_t) (c + 1), "Yes", NULL);

  if (workbook_close (workbook) != LXW_NO_ERROR)
    return FALSE;
  result->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  result->cpu_seconds = cpu_now () - cpu_start;
  return TRUE;
}

static gboolean
write_report (Result *result)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start;
  guint n_rows = 0, n = 0;

  store = cr_store_open (file_path, CR_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  result->open_seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;

  start = g_get_monotonic_time ();
  cpu_start = cpu_now ();
  if (!cr_report_group_attendance (store, xlsx_path,
                                   cr_store_get_association_group (store),
                                   NULL, NULL, NULL, &n_rows, &n, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  result->seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  result->cpu_seconds = cpu_now () - cpu_start;
  return TRUE;
}

/* Runs @job in a child; its figures and its own peak resident size. */
static Result
run_in_child (Job job)
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
      Result mine = { 0 };

      close (fds[0]);
      if (!job (&mine))
        _exit (1);
      if (write (fds[1], &mine, sizeof mine) != sizeof mine)
        _exit (1);
      fflush (stdout);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], &result, sizeof result) != sizeof result)
    result.seconds = -1;
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0)
    g_error ("the child failed");
  result.max_rss_kb = usage.ru_maxrss;
  g_unlink (xlsx_path);
  return result;
}

static void
remove_file_and_friends (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_file_and_friends (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cr-bench-attendance-export-XXXXXX", &error);
  Result bare_best = { G_MAXDOUBLE, G_MAXDOUBLE, 0, 0 };
  Result report_best = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, 0 };
  double ratio;
  gboolean ok;

  g_assert_no_error (error);
  if (argc > 1)
    n_members = (guint) atoi (argv[1]);
  if (argc > 2)
    n_meetings = (guint) atoi (argv[2]);
  /* The store's backups and libxlsxwriter's temporaries stay in here. */
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  file_path = g_build_filename (dir, "bench.commonroom", NULL);
  rows_path = g_build_filename (dir, "rows.bin", NULL);
  xlsx_path = g_build_filename (dir, "register.xlsx", NULL);

  g_print ("# demo file: %u members, %u meetings\n", n_members, n_meetings);
  run_in_child (make_file);

  /* Alternate the two so neither gets a warmer cache throughout. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      Result bare = run_in_child (write_bare);
      Result report = run_in_child (write_report);

      g_print ("# run %u: bare %.3f s (cpu %.3f s, %ld MB), export attendance "
               "%.3f s (cpu %.3f s) + open %.3f s (%ld MB)\n",
               i + 1, bare.seconds, bare.cpu_seconds, bare.max_rss_kb / 1024,
               report.seconds, report.cpu_seconds, report.open_seconds,
               report.max_rss_kb / 1024);
      bare_best.seconds = MIN (bare_best.seconds, bare.seconds);
      report_best.seconds = MIN (report_best.seconds, report.seconds);
      bare_best.cpu_seconds = MIN (bare_best.cpu_seconds, bare.cpu_seconds);
      report_best.cpu_seconds = MIN (report_best.cpu_seconds, report.cpu_seconds);
      report_best.open_seconds = MIN (report_best.open_seconds, report.open_seconds);
      bare_best.max_rss_kb = MAX (bare_best.max_rss_kb, bare.max_rss_kb);
      report_best.max_rss_kb = MAX (report_best.max_rss_kb, report.max_rss_kb);
    }

  ratio = report_best.seconds / bare_best.seconds;
  ok = ratio <= TARGET_RATIO && report_best.max_rss_kb < TARGET_MB * 1024;
  g_print ("bare libxlsxwriter (constant memory): %.3f s, peak %ld MB\n",
           bare_best.seconds, bare_best.max_rss_kb / 1024);
  g_print ("export attendance (store to xlsx):    %.3f s, peak %ld MB "
           "(opening the file: %.3f s more)\n",
           report_best.seconds, report_best.max_rss_kb / 1024,
           report_best.open_seconds);
  g_print ("ratio %.2f (target <= %.1f; %.2f with the opening), peak %s %d MB: "
           "%s\n", ratio, TARGET_RATIO,
           (report_best.seconds + report_best.open_seconds) / bare_best.seconds,
           report_best.max_rss_kb < TARGET_MB * 1024 ? "under" : "OVER",
           TARGET_MB, ok ? "PASS" : "FAIL");
  g_print ("processor time: bare %.3f s, export attendance %.3f s, ratio %.2f\n",
           bare_best.cpu_seconds, report_best.cpu_seconds,
           report_best.cpu_seconds / bare_best.cpu_seconds);

  remove_file_and_friends (dir);
  return ok ? 0 : 1;
}
