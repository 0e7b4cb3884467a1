/* cr-store-people.h: people, groups, memberships and offices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-group.h"
#include "cr-person.h"
#include "cr-store.h"

G_BEGIN_DECLS

typedef enum
{
  CR_GROUP_KIND_ASSOCIATION = 0,
  CR_GROUP_KIND_COMMITTEE,
  CR_GROUP_KIND_SUB_GROUP,
  CR_GROUP_KIND_WORKING_GROUP,
  CR_GROUP_KIND_PANEL,
  CR_GROUP_KIND_FOCUS_GROUP,
} CrGroupKind;

typedef enum
{
  CR_MEMBERSHIP_VOTING = 0,
  CR_MEMBERSHIP_CO_OPTEE,
  CR_MEMBERSHIP_ASSOCIATE,
  CR_MEMBERSHIP_DEPUTY,
  CR_MEMBERSHIP_OFFICER_SUPPORT,
} CrMembershipKind;

typedef enum
{
  CR_END_RESIGNED = 0,
  CR_END_LAPSED,
  CR_END_REMOVED,
  CR_END_TERM_ENDED,
  CR_END_MOVED_AWAY,
  CR_END_DIED,
  CR_END_OTHER,
} CrEndReason;

/* One membership of one person, as the person editor lists it. */
typedef struct
{
  gint64            id;
  gint64            group_id;
  char             *group_name;
  CrMembershipKind  kind;
  char             *start_date;  /* ISO */
  char             *end_date;    /* ISO, inclusive; NULL while current */
  CrEndReason       end_reason;  /* meaningful only with an end date */
} CrMembership;

void       cr_membership_free        (CrMembership     *membership);

/* One office held by one person. */
typedef struct
{
  gint64  id;
  gint64  group_id;
  char   *group_name;
  char   *role;
  char   *start_date;  /* ISO */
  char   *end_date;    /* ISO, inclusive; NULL while held */
} CrOffice;

void       cr_office_free            (CrOffice         *office);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrOffice, cr_office_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrMembership, cr_membership_free)

/* The columns the register can be sorted by. */
typedef enum
{
  CR_PERSON_SORT_NAME = 0,
  CR_PERSON_SORT_ADDRESS,
  CR_PERSON_SORT_POSTCODE,
  CR_PERSON_SORT_TENURE,
  CR_PERSON_SORT_STATUS,
  CR_PERSON_SORT_JOINED,
} CrPersonSort;

/* What the register's search and filters need of one person; the strings
 * belong to the store and last only for the callback. */
typedef struct
{
  gint64          id;
  const char     *search_text;
  CrPersonStatus  status;
} CrPersonBrief;

typedef gboolean (*CrPersonBriefFunc) (const CrPersonBrief *brief,
                                       gpointer             user_data);

/* Called once a row by the streaming iterators; return FALSE to stop. */
typedef gboolean (*CrPersonFunc) (CrPerson *person,
                                  gpointer  user_data);

gint64    cr_store_add_person        (CrStore          *self,
                                      CrPerson         *person,
                                      GError          **error);
gboolean  cr_store_update_person     (CrStore          *self,
                                      CrPerson         *person,
                                      GError          **error);
CrPerson *cr_store_get_person        (CrStore          *self,
                                      gint64            id,
                                      const char       *on_date,
                                      GError          **error);
GArray   *cr_store_list_person_ids   (CrStore          *self,
                                      GError          **error);
gboolean  cr_store_foreach_person    (CrStore          *self,
                                      const char       *on_date,
                                      CrPersonFunc      func,
                                      gpointer          user_data,
                                      GError          **error);
gboolean  cr_store_foreach_person_shared_first (CrStore      *self,
                                                const char   *on_date,
                                                CrPersonFunc  func,
                                                gpointer      user_data,
                                                GError      **error);
/* In cr-store-privacy.c: the register as consents allow it to be shown. */
gboolean  cr_store_foreach_person_consented (CrStore     *self,
                                             const char  *on_date,
                                             gboolean     leaves,
                                             CrPersonFunc func,
                                             gpointer     user_data,
                                             GError     **error);
gint64    cr_store_count_people      (CrStore          *self,
                                      GError          **error);
gboolean  cr_store_foreach_person_brief (CrStore           *self,
                                         gint64             id,
                                         const char        *on_date,
                                         CrPersonBriefFunc  func,
                                         gpointer           user_data,
                                         GError           **error);
GArray   *cr_store_list_person_ids_sorted (CrStore         *self,
                                           CrPersonSort     sort,
                                           gboolean         descending,
                                           const char      *on_date,
                                           GError         **error);
GArray   *cr_store_list_group_member_ids  (CrStore         *self,
                                           gint64           group_id,
                                           const char      *on_date,
                                           GError         **error);

gint64    cr_store_add_group         (CrStore          *self,
                                      const char       *name,
                                      CrGroupKind       kind,
                                      gint64            parent_id,
                                      GError          **error);
gint64    cr_store_find_group        (CrStore          *self,
                                      const char       *name,
                                      GError          **error);
GPtrArray *cr_store_list_groups      (CrStore          *self,
                                      GError          **error);

gint64    cr_store_add_membership    (CrStore          *self,
                                      gint64            person_id,
                                      gint64            group_id,
                                      CrMembershipKind  kind,
                                      const char       *start_date,
                                      GError          **error);
gboolean  cr_store_end_membership    (CrStore          *self,
                                      gint64            membership_id,
                                      const char       *end_date,
                                      CrEndReason       reason,
                                      GError          **error);
gint64    cr_store_add_office        (CrStore          *self,
                                      gint64            person_id,
                                      gint64            group_id,
                                      const char       *role,
                                      const char       *start_date,
                                      GError          **error);
gboolean  cr_store_end_office        (CrStore          *self,
                                      gint64            office_id,
                                      const char       *end_date,
                                      GError          **error);

GPtrArray *cr_store_list_offices     (CrStore          *self,
                                      gint64            person_id,
                                      GError          **error);
gint64    cr_store_take_office       (CrStore          *self,
                                      gint64            person_id,
                                      gint64            group_id,
                                      const char       *role,
                                      const char       *start_date,
                                      gint64           *handed_over_by,
                                      GError          **error);
GPtrArray *cr_store_list_memberships (CrStore          *self,
                                      gint64            person_id,
                                      GError          **error);
gboolean  cr_store_set_group_one_per_household (CrStore  *self,
                                                gint64    group_id,
                                                gboolean  one,
                                                GError  **error);

const char *cr_membership_kind_get_label (CrMembershipKind  kind);
const char *cr_end_reason_get_label      (CrEndReason       reason);
const char *cr_group_kind_to_string      (CrGroupKind       kind);
const char *cr_membership_kind_to_string (CrMembershipKind  kind);
const char *cr_end_reason_to_string      (CrEndReason       reason);

G_END_DECLS
