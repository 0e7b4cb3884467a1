/* cr-store-groups.h: creating and editing the association's groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* A group as the group dialog edits it. */
typedef struct
{
  gint64 id;
  char  *name;
  char  *kind;        /* "association", "committee", "panel" … */
  gint64 parent_id;   /* 0: none (the association) */
  char  *parent_name; /* read only */
  char  *purpose;     /* or NULL */
  char  *end_date;    /* ISO, or NULL: no fixed end */
  guint  depth;       /* read only: 0 for the association, 1 below … */
} CrGroupInfo;

void cr_group_info_free (CrGroupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrGroupInfo, cr_group_info_free)

const char *const *cr_group_kinds (void);
const char        *cr_group_kind_get_label (const char *kind);

GPtrArray *cr_store_list_group_infos (CrStore *self, GError **error);
CrGroupInfo        *
cr_store_get_group_info (CrStore *self, gint64 group_id, GError **error);
gint64 cr_store_create_group (CrStore           *self,
                              const CrGroupInfo *info,
                              const char        *template_id,
                              const char        *on_date,
                              GError           **error);
gboolean
cr_store_update_group (CrStore *self, const CrGroupInfo *info, GError **error);

G_END_DECLS
