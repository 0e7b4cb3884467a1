/* fault-kill.c: kill -9 a writer at random moments, many times over
 *
 * `make fault` runs it. Each round starts tests/crash-writer on the same
 * file to make 1,000 single edits (each its own transaction) and kills it
 * with SIGKILL after a random delay, anywhere from before it opened the file
 * to after its last edit. After every kill the file must pass
 * integrity_check and foreign_key_check (cr_store_verify()), and every edit
 * the writer reported as returned must still be there.
 *
 * Usage: fault-kill CRASH-WRITER [ROUNDS [EDITS [SEED]]]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-store-people.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  GPid pid;
  int  out_fd;
} Writer;

static gboolean
start_writer (const char *writer,
              const char *path,
              guint       edits,
              Writer     *w,
              GError    **error)
{
  g_autofree char *n = g_strdup_printf ("%u", edits);
  const char      *argv[] = { writer, path, n, NULL };

  return g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                   G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                   &w->pid, NULL, &w->out_fd, NULL, error);
}

/* Reads every id the writer printed; the pipe holds them all (1,000 ids
 * are far less than a pipe's buffer), so the writer never blocks on it. */
static void
collect_ids (int fd, GArray *ids)
{
  g_autoptr (GString) text = g_string_new (NULL);
  char    buf[4096];
  ssize_t got;
  char  **lines;

  while ((got = read (fd, buf, sizeof buf)) != 0)
    {
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        break;
      g_string_append_len (text, buf, got);
    }
  close (fd);

  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 id;

      /* A line cut by the kill has no newline and is not a returned edit:
       * printf + fflush put out whole lines, so this only guards against a
       * partial write. */
      if (lines[i + 1] == NULL || lines[i][0] == '\0')
        continue;
      id = g_ascii_strtoll (lines[i], NULL, 10);
      g_array_append_val (ids, id);
    }
  g_strfreev (lines);
}

static guint
count_missing (const char *path, GArray *ids, GError **error)
{
  g_autoptr (CrStore) store =
      cr_store_open (path, CR_STORE_OPEN_READ_ONLY, error);
  guint missing = 0;

  if (store == NULL)
    return G_MAXUINT;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (CrPerson) person = cr_store_get_person (
          store, g_array_index (ids, gint64, i), NULL, &local);

      if (person == NULL)
        {
          if (missing < 5)
            g_printerr ("fault-kill: edit %" G_GINT64_FORMAT " is lost: %s\n",
                        g_array_index (ids, gint64, i),
                        local != NULL ? local->message : "not found");
          missing++;
        }
    }
  return missing;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) confirmed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GRand) rand = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char      *writer;
  guint            rounds, edits, seed;
  guint            killed_mid = 0, finished = 0, bad = 0;
  gint64           calibrate_us, estimate_us, started;
  Writer           w;
  int              status;

  if (argc < 2)
    {
      g_printerr ("usage: fault-kill CRASH-WRITER [ROUNDS [EDITS [SEED]]]\n");
      return 2;
    }
  writer = argv[1];
  rounds = argc > 2 ? (guint) atoi (argv[2]) : 200;
  edits = argc > 3 ? (guint) atoi (argv[3]) : 1000;
  seed = argc > 4 ? (guint) atoi (argv[4]) : (guint) g_get_real_time ();
  rand = g_rand_new_with_seed (seed);

  dir = g_dir_make_tmp ("fault-kill-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fault.commonroom", NULL);
  store = cr_store_create (path, "Fault TRA", &error);
  if (store == NULL)
    {
      g_printerr ("fault-kill: %s\n", error->message);
      return 1;
    }
  g_clear_object (&store);

  /* One run left alone says how long 1,000 edits take, so the kills can
   * land anywhere in a run (and a little after, when it has finished). */
  started = g_get_monotonic_time ();
  if (!start_writer (writer, path, edits, &w, &error))
    {
      g_printerr ("fault-kill: %s\n", error->message);
      return 1;
    }
  collect_ids (w.out_fd, confirmed);
  waitpid (w.pid, &status, 0);
  g_spawn_close_pid (w.pid);
  calibrate_us = g_get_monotonic_time () - started;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 ||
      confirmed->len != edits)
    {
      g_printerr ("fault-kill: the writer failed without being killed\n");
      return 1;
    }

  estimate_us = calibrate_us * 11 / 10;
  g_print ("fault-kill: seed %u; %u edits take %.0f ms; %u rounds\n", seed,
           edits, calibrate_us / 1000.0, rounds);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 delay = g_rand_int_range (rand, 0, (gint32) estimate_us + 1);
      guint  missing;

      if (!start_writer (writer, path, edits, &w, &error))
        {
          g_printerr ("fault-kill: %s\n", error->message);
          return 1;
        }
      g_usleep (delay);
      kill (w.pid, SIGKILL);
      waitpid (w.pid, &status, 0);
      g_spawn_close_pid (w.pid);
      collect_ids (w.out_fd, ids);
      if (WIFSIGNALED (status))
        {
          /* Killed mid-run: aim a little later next time, so the kills
           * keep covering the whole run as the machine's speed changes. */
          killed_mid++;
          estimate_us = MIN (estimate_us * 21 / 20, calibrate_us * 11 / 10);
        }
      else if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
        {
          /* It finished first: the machine is quicker now than when it was
           * timed, so aim the next kills earlier. */
          finished++;
          estimate_us = MAX (estimate_us * 4 / 5, 1000);
        }
      else
        {
          g_printerr ("fault-kill: round %u: the writer failed on its own "
                      "(status %d)\n",
                      round, status);
          bad++;
        }

      if (!cr_store_verify (path, &error))
        {
          g_printerr ("fault-kill: round %u: %s\n", round, error->message);
          g_clear_error (&error);
          bad++;
        }
      g_array_append_vals (confirmed, ids->data, ids->len);
      missing = count_missing (path, ids, &error);
      if (missing > 0)
        {
          g_printerr ("fault-kill: round %u (killed after %.1f ms, %u edits "
                      "returned): %u lost%s%s\n",
                      round, delay / 1000.0, ids->len,
                      missing == G_MAXUINT ? 0 : missing,
                      error != NULL ? ": " : "",
                      error != NULL ? error->message : "");
          g_clear_error (&error);
          bad++;
        }
      if ((round + 1) % 20 == 0)
        g_print ("fault-kill: %u rounds, %u edits returned so far\n", round + 1,
                 confirmed->len);
    }

  /* Every edit of every round, once more at the end. */
  if (count_missing (path, confirmed, &error) != 0)
    bad++;

  g_print ("fault-kill: %u rounds (%u killed mid-run, %u had finished); "
           "%u edits returned, all present; integrity_check and "
           "foreign_key_check after each kill: %s\n",
           rounds, killed_mid, finished, confirmed->len,
           bad == 0 ? "ok" : "FAILED");

  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_remove (p);
      }
    g_rmdir (dir);
  }
  return bad == 0 ? 0 : 1;
}
