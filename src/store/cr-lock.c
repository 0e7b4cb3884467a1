/* cr-lock.c: one writer a file, across processes
 *
 * The writer holds an flock() on a sidecar file, "NAME.lock", never on the
 * database itself: SQLite's own POSIX locks on the database would be dropped
 * if we opened and closed it behind SQLite's back. The kernel releases an
 * flock when its process dies, so a crash leaves no stale lock. The holder
 * writes its process id and host name into the sidecar so that a second
 * writer can say who has the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-lock.h"
#include "cr-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct _CrLock
{
  char *lock_path;
  int   fd;
};

static char *
describe_holder (int fd)
{
  char buf[256];
  ssize_t n;
  g_auto (GStrv) lines = NULL;

  n = pread (fd, buf, sizeof buf - 1, 0);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';

  lines = g_strsplit (buf, "\n", 3);
  if (g_strv_length (lines) < 2 || *lines[0] == '\0')
    return NULL;

  /* TRANSLATORS: "process 1234 on laptop" */
  return g_strdup_printf (_("process %s on %s"), lines[0], lines[1]);
}

/**
 * _cr_lock_acquire:
 * @db_path: the association file to be written
 *
 * Takes the writer's lock of @db_path without waiting.
 *
 * Returns: (transfer full): the lock, or %NULL with %CR_STORE_ERROR_LOCKED
 *   naming the holder, or %CR_STORE_ERROR_READ_ONLY if the folder can't be
 *   written
 */
CrLock *
_cr_lock_acquire (const char  *db_path,
                  GError     **error)
{
  g_autofree char *lock_path = g_strconcat (db_path, ".lock", NULL);
  g_autofree char *display = g_filename_display_name (db_path);

  /* A holder may unlink the sidecar between our open() and flock(); then we
   * hold a lock on a file nobody else can see, so check the inode and go
   * again. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      struct stat fd_st, path_st;
      g_autofree char *info = NULL;
      CrLock *lock;
      int fd;

      fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, CR_STORE_ERROR,
                       saved == ENOSPC ? CR_STORE_ERROR_NO_SPACE
                                       : CR_STORE_ERROR_READ_ONLY,
                       _("“%s” can’t be opened for editing: %s."), display,
                       g_strerror (saved));
          return NULL;
        }

      if (flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved = errno;
          g_autofree char *holder = NULL;

          if (saved == EWOULDBLOCK)
            holder = describe_holder (fd);
          close (fd);

          if (saved != EWOULDBLOCK)
            {
              g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_FAILED,
                           _("“%s” can’t be locked for editing: %s."), display,
                           g_strerror (saved));
              return NULL;
            }

          if (holder != NULL)
            g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_LOCKED,
                         _("“%s” is already open for editing (%s). Close it "
                           "there first; two programs writing one file at "
                           "once could mix up their changes."),
                         display, holder);
          else
            g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_LOCKED,
                         _("“%s” is already open for editing in another "
                           "window or program. Close it there first."),
                         display);
          return NULL;
        }

      if (fstat (fd, &fd_st) != 0 || g_stat (lock_path, &path_st) != 0 ||
          fd_st.st_ino != path_st.st_ino || fd_st.st_dev != path_st.st_dev)
        {
          close (fd);
          continue;
        }

      info = g_strdup_printf ("%d\n%s\n", (int) getpid (), g_get_host_name ());
      if (ftruncate (fd, 0) != 0 ||
          pwrite (fd, info, strlen (info), 0) != (ssize_t) strlen (info))
        g_debug ("Could not write the lock holder into %s", lock_path);

      lock = g_new0 (CrLock, 1);
      lock->lock_path = g_steal_pointer (&lock_path);
      lock->fd = fd;
      return lock;
    }

  g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_LOCKED,
               _("“%s” is being opened and closed by another program too "
                 "quickly to lock. Try again."),
               display);
  return NULL;
}

/**
 * _cr_lock_release:
 *
 * Gives up the lock and removes the sidecar file.
 */
void
_cr_lock_release (CrLock *lock)
{
  if (lock == NULL)
    return;

  /* Unlink while still holding the lock; see the inode check above. */
  g_unlink (lock->lock_path);
  close (lock->fd);
  g_free (lock->lock_path);
  g_free (lock);
}
