/* cr-store.h: one association file, opened safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CR_STORE_ERROR (cr_store_error_quark ())

/* Codes tests can match; each error's message is a sentence for the user. */
typedef enum
{
  CR_STORE_ERROR_NOT_FOUND,  /* no such file, person, group … */
  CR_STORE_ERROR_EXISTS,     /* refused to overwrite something */
  CR_STORE_ERROR_NOT_OURS,   /* not a Common Room file at all */
  CR_STORE_ERROR_DAMAGED,    /* ours, but failed its integrity check */
  CR_STORE_ERROR_TOO_NEW,    /* written by a newer Common Room */
  CR_STORE_ERROR_LOCKED,     /* another process is editing it */
  CR_STORE_ERROR_READ_ONLY,  /* opened for reading, or the disk refuses */
  CR_STORE_ERROR_INVALID,    /* an edit broke a rule of the data */
  CR_STORE_ERROR_NO_SPACE,   /* the disk is full */
  CR_STORE_ERROR_FAILED,     /* anything else, with SQLite's words */
} CrStoreError;

typedef enum
{
  CR_STORE_OPEN_READ_ONLY  = 0,
  CR_STORE_OPEN_READ_WRITE = 1 << 0,
  /* A reader of a file this process already has open (and so has checked
   * for damage): skips the page scan. Ignored with READ_WRITE. */
  CR_STORE_OPEN_CHECKED    = 1 << 1,
} CrStoreOpenFlags;

#define CR_TYPE_STORE (cr_store_get_type ())

G_DECLARE_FINAL_TYPE (CrStore, cr_store, CR, STORE, GObject)

GQuark      cr_store_error_quark          (void);

int         cr_store_get_schema_version   (void);

CrStore    *cr_store_create               (const char        *path,
                                           const char        *association_name,
                                           GError           **error);
CrStore    *cr_store_open                 (const char        *path,
                                           CrStoreOpenFlags   flags,
                                           GError           **error);
void        cr_store_close                (CrStore           *self);

const char *cr_store_get_path             (CrStore           *self);
gboolean    cr_store_is_writable          (CrStore           *self);
const char *cr_store_get_association_name (CrStore           *self);
gint64      cr_store_get_association_group (CrStore          *self);

gboolean    cr_store_begin                (CrStore           *self,
                                           GError           **error);
gboolean    cr_store_commit               (CrStore           *self,
                                           GError           **error);
void        cr_store_rollback             (CrStore           *self);

gboolean    cr_store_checkpoint           (CrStore           *self,
                                           GError           **error);
gboolean    cr_store_backup               (CrStore           *self,
                                           const char        *dest_path,
                                           GError           **error);
char       *cr_store_get_backup_dir       (const char        *path);
gboolean    cr_store_backup_on_close      (CrStore           *self,
                                           guint              keep,
                                           GError           **error);

gboolean    cr_store_verify               (const char        *path,
                                           GError           **error);

/* One automatic backup of a file. */
typedef struct
{
  char   *path;
  char   *made;     /* local time, "2026-11-23T14:05:01" */
  char   *reason;   /* "on close", "before restore", "before update to …" */
  gint64  people;   /* how many people it holds; -1 if it can't be read */
  int     version;  /* its schema version */
} CrBackup;

void        cr_backup_free                (CrBackup          *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrBackup, cr_backup_free)
GPtrArray  *cr_store_list_backups         (const char        *path,
                                           GError           **error);
gboolean    cr_store_restore              (const char        *path,
                                           const char        *backup,
                                           GError           **error);

G_END_DECLS
