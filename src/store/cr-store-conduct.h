/* cr-store-conduct.h: codes of conduct, sanctions, appeals, interests, and
 * erasing a person's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

typedef enum
{
  CR_CONDUCT_WARNING = 0,
  CR_CONDUCT_SUSPENSION,
  CR_CONDUCT_EXCLUSION,
} CrConductKind;

typedef enum
{
  CR_APPEAL_NONE = 0,
  CR_APPEAL_PENDING,
  CR_APPEAL_UPHELD,      /* the sanction stands */
  CR_APPEAL_OVERTURNED,  /* the sanction is lifted */
} CrAppealOutcome;

/* A warning, suspension or exclusion under a group's code of conduct. */
typedef struct
{
  gint64           id;
  gint64           person_id;
  gint64           group_id;           /* 0: the association as a whole */
  CrConductKind    kind;
  char            *start_date;         /* ISO */
  char            *end_date;           /* ISO; a suspension's last day */
  char            *reason;
  char            *decided_by;         /* "Committee meeting of 04/03/2026" */
  char            *appeal_lodged_on;   /* ISO, or NULL */
  CrAppealOutcome  appeal_outcome;
  char            *appeal_decided_on;  /* ISO, or NULL */
} CrConductEvent;

/* A declaration of interest. */
typedef struct
{
  gint64  id;
  gint64  person_id;
  char   *declared_on;  /* ISO */
  char   *description;
  char   *ended_on;     /* ISO, or NULL while it stands */
} CrInterest;

void        cr_conduct_event_free        (CrConductEvent   *event);
void        cr_interest_free             (CrInterest       *interest);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConductEvent, cr_conduct_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrInterest, cr_interest_free)

gint64      cr_store_add_conduct         (CrStore          *self,
                                          const CrConductEvent *event,
                                          GError          **error);
gboolean    cr_store_record_appeal       (CrStore          *self,
                                          gint64            conduct_id,
                                          const char       *lodged_on,
                                          CrAppealOutcome   outcome,
                                          const char       *decided_on,
                                          GError          **error);
GPtrArray  *cr_store_list_conduct        (CrStore          *self,
                                          gint64            person_id,
                                          GError          **error);
const char *cr_store_get_sanction        (CrStore          *self,
                                          gint64            person_id,
                                          const char       *on_date,
                                          GError          **error);

gint64      cr_store_add_interest        (CrStore          *self,
                                          gint64            person_id,
                                          const char       *declared_on,
                                          const char       *description,
                                          GError          **error);
gboolean    cr_store_end_interest        (CrStore          *self,
                                          gint64            interest_id,
                                          const char       *ended_on,
                                          GError          **error);
GPtrArray  *cr_store_list_interests      (CrStore          *self,
                                          gint64            person_id,
                                          GError          **error);

gboolean    cr_store_erase_person        (CrStore          *self,
                                          gint64            person_id,
                                          GError          **error);

const char *cr_conduct_kind_get_label    (CrConductKind     kind);
const char *cr_appeal_outcome_get_label  (CrAppealOutcome   outcome);

G_END_DECLS
