/* cr-members-page.h: the register of people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-people-model.h"
#include "cr-person.h"
#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_MEMBERS_PAGE (cr_members_page_get_type ())

G_DECLARE_FINAL_TYPE (CrMembersPage, cr_members_page, CR, MEMBERS_PAGE,
                      GtkWidget)

/* Who the exported register is for. */
typedef enum
{
  CR_MEMBERS_EXPORT_PLAIN   = 0,      /* names, no contact details */
  CR_MEMBERS_EXPORT_CONTACT = 1 << 0, /* with phones, emails and consent */
  CR_MEMBERS_EXPORT_COUNCIL = 1 << 1, /* named only with consent to share */
} CrMembersExportFlags;

CrMembersPage *cr_members_page_new       (void);
void           cr_members_page_set_store (CrMembersPage *self,
                                          CrStore       *store);
void           cr_members_page_set_store_with_model (CrMembersPage *self,
                                                     CrStore       *store,
                                                     CrPeopleModel *model);
GListModel    *cr_members_page_get_model (CrMembersPage *self);
void           cr_members_page_focus_search (CrMembersPage *self);
void           cr_members_page_search    (CrMembersPage *self,
                                          const char    *text);
GtkWindow     *cr_members_page_edit_person (CrMembersPage *self,
                                            CrPerson      *person);
void           cr_members_page_import    (CrMembersPage *self);
void           cr_members_page_export    (CrMembersPage *self);
void           cr_members_page_person_changed (CrMembersPage *self,
                                               gint64         person_id);
gboolean       cr_members_page_export_file (CrMembersPage        *self,
                                            const char           *path,
                                            CrMembersExportFlags  flags);
GtkWindow     *cr_members_page_import_file (CrMembersPage *self,
                                            const char    *path);

G_END_DECLS
