/* cr-store-rules.h: terms of reference, their rules, and checking every
 * group's records against the rules in force
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-rules.h"
#include "cr-store.h"
#include "cr-templates.h"

G_BEGIN_DECLS

typedef enum
{
  CR_TERMS_DRAFT = 0,
  CR_TERMS_ADOPTED,
} CrTermsStatus;

/* One version of a group's terms of reference. */
typedef struct
{
  gint64         id;
  gint64         group_id;
  guint          version;             /* 1, 2, … within the group */
  CrTermsStatus  status;
  char          *adopted_on;          /* ISO; NULL for the draft */
  gint64         adopted_at_meeting;  /* a meeting, or 0 */
  char          *created_on;          /* ISO */
} CrTermsVersion;

/* One free-text section of a version: name, objectives, membership … */
typedef struct
{
  guint  position;  /* 1, 2, … */
  char  *heading;
  char  *text;
} CrTermsSection;

void            cr_terms_version_free        (CrTermsVersion        *version);
void            cr_terms_section_free        (CrTermsSection        *section);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrTermsVersion, cr_terms_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrTermsSection, cr_terms_section_free)

CrRules        *cr_store_get_rules           (CrStore               *self,
                                              gint64                 group_id,
                                              const char            *on_date,
                                              GError               **error);
gboolean        cr_store_get_terms_in_force  (CrStore               *self,
                                              gint64                 group_id,
                                              const char            *on_date,
                                              gint64                *version_id,
                                              GError               **error);
CrRules        *cr_store_get_version_rules   (CrStore               *self,
                                              gint64                 version_id,
                                              GError               **error);
GPtrArray      *cr_store_list_terms          (CrStore               *self,
                                              gint64                 group_id,
                                              GError               **error);
gint64          cr_store_ensure_terms_draft  (CrStore               *self,
                                              gint64                 group_id,
                                              GError               **error);
gboolean        cr_store_set_draft_rule      (CrStore               *self,
                                              gint64                 group_id,
                                              const char            *key,
                                              const char            *value,
                                              GError               **error);
gboolean        cr_store_adopt_terms         (CrStore               *self,
                                              gint64                 group_id,
                                              const char            *adopted_on,
                                              gint64                 meeting_id,
                                              GError               **error);
gboolean        cr_store_set_rule_adopted    (CrStore               *self,
                                              gint64                 group_id,
                                              const char            *key,
                                              const char            *value,
                                              const char            *adopted_on,
                                              GError               **error);
GPtrArray      *cr_store_get_terms_sections  (CrStore               *self,
                                              gint64                 version_id,
                                              GError               **error);
gboolean        cr_store_set_terms_sections  (CrStore               *self,
                                              gint64                 version_id,
                                              GPtrArray             *sections,
                                              GError               **error);

gboolean        cr_store_start_terms         (CrStore               *self,
                                              gint64                 group_id,
                                              const CrTemplate      *template_,
                                              const char            *adopted_on,
                                              GError               **error);

gboolean        cr_demo_fill_terms           (CrStore               *store,
                                              GRand                 *rand,
                                              const GDate           *today,
                                              GError               **error);

GPtrArray      *cr_store_check               (CrStore               *self,
                                              gint64                 group_id,
                                              const char            *on_date,
                                              GError               **error);

G_END_DECLS
