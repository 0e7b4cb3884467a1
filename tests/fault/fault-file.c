/* fault-file.c: open damaged copies of a good file, thousands of times
 *
 * `make fuzz-file` runs it built with AddressSanitizer (10,000 copies); the
 * store suite runs a short version (tests/test-store.c). Each round copies a
 * good demo file, flips random bytes in the copy (single bits, whole bytes,
 * runs of bytes, a zeroed block, the header), and then opens it through the
 * store read-only and read-write, reads what it can, and verifies it as
 * `commonroom-cli verify` does. It must never crash, every refusal must be a
 * CR_STORE_ERROR with a sentence, and the damaged file must never be written
 * to: its bytes are compared before and after.
 *
 * Usage: fault-file [ROUNDS [SEED [CLI]]]; with CLI (the path of
 * commonroom-cli), every 25th copy is also verified through the CLI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-demo.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

static void
remove_sidecars (const char *path)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_remove (p);
    }
}

static void
damage (GRand *rand, guint8 *data, gsize len)
{
  guint kind = g_rand_int_range (rand, 0, 6);
  guint n = g_rand_int_range (rand, 1, 9);

  switch (kind)
    {
      case 0: /* single bits anywhere */
        for (guint i = 0; i < n; i++)
          data[g_rand_int_range (rand, 0, len)] ^=
              1u << g_rand_int_range (rand, 0, 8);
        break;
      case 1: /* whole random bytes anywhere */
        for (guint i = 0; i < n; i++)
          data[g_rand_int_range (rand, 0, len)] =
              g_rand_int_range (rand, 0, 256);
        break;
      case 2: /* the 100-byte header and the schema page right after it */
        for (guint i = 0; i < n; i++)
          data[g_rand_int_range (rand, 0, MIN (len, 4096))] ^=
              g_rand_int_range (rand, 1, 256);
        break;
      case 3: /* a run of bytes: a torn sector */
        {
          gsize at = g_rand_int_range (rand, 0, len);
          gsize run = MIN (len - at, (gsize) g_rand_int_range (rand, 1, 600));

          for (gsize i = 0; i < run; i++)
            data[at + i] = g_rand_int_range (rand, 0, 256);
        }
        break;
      case 4: /* a zeroed 512-byte block: a sector the disk lost */
        {
          gsize at = (gsize) g_rand_int_range (rand, 0, len / 512) * 512;

          memset (data + at, 0, MIN (512, len - at));
        }
        break;
      default: /* bytes that matter most: page size, counts, root pages */
        for (guint i = 0; i < n; i++)
          data[g_rand_int_range (rand, 16, 100)] =
              g_rand_int_range (rand, 0, 256);
        break;
    }
}

static gboolean
refusal_ok (const GError *error)
{
  return error != NULL && error->domain == CR_STORE_ERROR &&
         error->message != NULL && strlen (error->message) > 10;
}

/* Reads through what a clean open offers; errors are fine, crashes not. */
static void
read_through (CrStore *store, guint *reads_failed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = cr_store_list_person_ids (store, &error);
  g_autoptr (GPtrArray) items = NULL;

  if (ids == NULL)
    {
      (*reads_failed)++;
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (CrPerson) person = cr_store_get_person (
          store, g_array_index (ids, gint64, i), NULL, NULL);
    }
  items = cr_store_check (store, cr_store_get_association_group (store),
                          "2026-11-25", &error);
  if (items == NULL)
    (*reads_failed)++;
}

static gboolean
cli_verify (const char *cli, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  const char      *argv[] = { cli, "--file", path, "verify", NULL };
  int              status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    return FALSE;
  /* Exit 0 (sound) or 1 (refused, with a message); anything else is a
   * crash or a sanitizer report. */
  if (!WIFEXITED (status))
    return FALSE;
  if (WEXITSTATUS (status) == 0)
    return TRUE;
  return WEXITSTATUS (status) == 1 &&
         g_str_has_prefix (err, "commonroom-cli: ") &&
         strstr (err, "Sanitizer") == NULL;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) store = NULL;
  g_autoptr (GRand) rand = NULL;
  g_autofree char   *dir = NULL;
  g_autofree char   *good_path = NULL;
  g_autofree char   *work = NULL;
  g_autofree guint8 *good = NULL;
  CrDemoOptions      options = { .members = 60, .seed = 7, .meetings = 40 };
  guint              rounds, seed;
  const char        *cli;
  gsize              len;
  guint refused = 0, opened = 0, written = 0, unclear = 0, cli_bad = 0;
  guint cli_runs = 0, reads_failed = 0;

  rounds = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  seed = argc > 2 ? (guint) atoi (argv[2]) : (guint) g_get_real_time ();
  cli = argc > 3 ? argv[3] : NULL;
  rand = g_rand_new_with_seed (seed);
  g_setenv ("CR_TODAY", "2026-11-25", TRUE);

  dir = g_dir_make_tmp ("fault-file-XXXXXX", &error);
  g_assert_no_error (error);
  good_path = g_build_filename (dir, "good.commonroom", NULL);
  work = g_build_filename (dir, "damaged.commonroom", NULL);
  store = cr_store_create (good_path, CR_DEMO_ASSOCIATION_NAME, &error);
  if (store == NULL || !cr_demo_fill (store, &options, &error))
    {
      g_printerr ("fault-file: %s\n", error->message);
      return 1;
    }
  g_clear_object (&store);
  remove_sidecars (good_path);
  if (!g_file_get_contents (good_path, (char **) &good, &len, &error))
    {
      g_printerr ("fault-file: %s\n", error->message);
      return 1;
    }
  g_print ("fault-file: seed %u; a demo file of %" G_GSIZE_FORMAT " bytes; "
           "%u damaged copies\n",
           seed, len, rounds);

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree guint8     *copy = g_memdup2 (good, len);
      g_autofree char       *after = NULL;
      gsize                  after_len = 0;
      gboolean               any_open = FALSE;
      const CrStoreOpenFlags modes[] = { CR_STORE_OPEN_READ_ONLY,
                                         CR_STORE_OPEN_READ_WRITE };

      damage (rand, copy, len);
      remove_sidecars (work);
      if (!g_file_set_contents (work, (const char *) copy, len, &error))
        {
          g_printerr ("fault-file: %s\n", error->message);
          return 1;
        }

      for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
        {
          g_autoptr (CrStore) s = cr_store_open (work, modes[m], &error);

          if (s != NULL)
            {
              any_open = TRUE;
              read_through (s, &reads_failed);
            }
          else
            {
              if (!refusal_ok (error))
                {
                  g_printerr ("fault-file: round %u: an unclear refusal: %s\n",
                              round, error != NULL ? error->message : "(none)");
                  unclear++;
                }
              g_clear_error (&error);
            }
        }
      if (!cr_store_verify (work, &error))
        {
          if (!refusal_ok (error))
            unclear++;
          g_clear_error (&error);
        }
      if (cli != NULL && round % 25 == 0)
        {
          cli_runs++;
          if (!cli_verify (cli, work))
            {
              g_printerr ("fault-file: round %u: the CLI's verify crashed or "
                          "gave no message\n",
                          round);
              cli_bad++;
            }
        }

      if (any_open)
        opened++;
      else
        refused++;

      if (!g_file_get_contents (work, &after, &after_len, &error))
        {
          g_printerr ("fault-file: %s\n", error->message);
          return 1;
        }
      if (after_len != len || memcmp (after, copy, len) != 0)
        {
          g_autofree char *keep =
              g_strdup_printf ("fault-file-written-%u.commonroom", round);

          g_printerr ("fault-file: round %u: the damaged file was written to "
                      "(its copy before: %s)\n",
                      round, keep);
          g_file_set_contents (keep, (const char *) copy, len, NULL);
          written++;
        }
      if ((round + 1) % 1000 == 0)
        g_print ("fault-file: %u copies so far: %u refused, %u opened, %u "
                 "written to\n",
                 round + 1, refused, opened, written);
    }

  g_print ("fault-file: %u copies: %u refused, %u opened cleanly (%u reads "
           "refused after that); %u written to, %u unclear refusals; CLI "
           "verify %u times, %u bad\n",
           rounds, refused, opened, reads_failed, written, unclear, cli_runs,
           cli_bad);

  remove_sidecars (work);
  remove_sidecars (good_path);
  g_remove (work);
  g_remove (good_path);
  g_rmdir (dir);
  return written == 0 && unclear == 0 && cli_bad == 0 ? 0 : 1;
}
