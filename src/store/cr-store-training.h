/* cr-store-training.h: the course catalogue, who did what, the core
 * programme, courses each role requires, and the skills audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"
#include "cr-training.h"

G_BEGIN_DECLS

/* What a required course is tied to. */
typedef enum
{
  CR_ROLE_OFFICE = 0, /* an office: "Chair", "Treasurer" … */
  CR_ROLE_MEMBERSHIP, /* a membership kind: "voting", "deputy" … */
} CrRoleKind;

/* A course a role must have done, and redo every @renew_months. */
typedef struct
{
  gint64     id;
  gint64     course_id;
  char      *course_title;
  gint64     group_id;   /* 0: the role in any group */
  char      *group_name; /* NULL for any group */
  CrRoleKind role_kind;
  char      *role;         /* office title, or membership kind string */
  guint      renew_months; /* 0: the course's own validity */
} CrCourseRequirement;

/* One skill in a group's skills audit. */
typedef struct
{
  gint64 id;
  char  *name;
  guint  wanted;  /* how many people the group wants with it; 0: none */
  guint  have;    /* current members who have it */
  char  *holders; /* their names, comma separated, or NULL */
} CrSkillAudit;

/* One row of the training matrix: a member and their records. */
typedef struct
{
  gint64       person_id;
  const char  *name;
  GPtrArray   *records;    /* (element-type CrTrainingRecord), by date */
  CrCompletion completion; /* of the group's core programme */
} CrTrainingRow;

typedef gboolean (*CrTrainingRowFunc) (const CrTrainingRow *row,
                                       gpointer             user_data);

/* A certificate expiring within 60 days, or expired. */
typedef struct
{
  gint64        person_id;
  char         *person_name;
  gint64        course_id;
  char         *course_title;
  char         *done_on;
  char         *expires_on;
  char         *certificate;
  CrCourseState state;
} CrExpiringCertificate;

/* How one group stands against its core programme on a date. */
typedef struct
{
  gint64  group_id;
  char   *group_name;
  guint   members;     /* current members */
  guint   met;         /* of them, at or above the threshold */
  guint   threshold;   /* training-threshold-percent; 0: no rule */
  guint   core;        /* core courses in force */
  guint64 percent_sum; /* members' completion percentages, summed */
} CrGroupCompletion;

void cr_group_completion_free (CrGroupCompletion *completion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrGroupCompletion, cr_group_completion_free)
void cr_course_requirement_free (CrCourseRequirement *requirement);
void cr_skill_audit_free (CrSkillAudit *skill);
void cr_expiring_certificate_free (CrExpiringCertificate *cert);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCourseRequirement, cr_course_requirement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrSkillAudit, cr_skill_audit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrExpiringCertificate,
                               cr_expiring_certificate_free)

/* The catalogue. */
gint64   cr_store_add_course (CrStore    *self,
                              const char *title,
                              const char *provider,
                              guint       validity_months,
                              gint64      cost,
                              GError    **error);
gboolean cr_store_update_course (CrStore    *self,
                                 gint64      course_id,
                                 const char *title,
                                 const char *provider,
                                 guint       validity_months,
                                 gint64      cost,
                                 GError    **error);
gint64 cr_store_find_course (CrStore *self, const char *title, GError **error);
GPtrArray *cr_store_list_courses (CrStore    *self,
                                  gint64      group_id,
                                  const char *on_date,
                                  GError    **error);
gboolean   cr_store_set_course_core (CrStore    *self,
                                     gint64      course_id,
                                     gint64      group_id,
                                     gboolean    core,
                                     const char *from_date,
                                     GError    **error);
GArray    *cr_store_list_core_courses (CrStore    *self,
                                       gint64      group_id,
                                       const char *on_date,
                                       GError    **error);

/* Records. */
gint64   cr_store_add_training (CrStore         *self,
                                gint64           person_id,
                                gint64           course_id,
                                const char      *date,
                                CrTrainingStatus status,
                                const char      *certificate,
                                GError         **error);
gboolean cr_store_update_training (CrStore         *self,
                                   gint64           record_id,
                                   CrTrainingStatus status,
                                   const char      *certificate,
                                   GError         **error);
gboolean
cr_store_delete_training (CrStore *self, gint64 record_id, GError **error);
guint cr_store_record_session (CrStore         *self,
                               gint64           course_id,
                               const char      *date,
                               CrTrainingStatus status,
                               const GArray    *person_ids,
                               GError         **error);
GPtrArray *
cr_store_list_training (CrStore *self, gint64 person_id, GError **error);
gboolean   cr_store_get_completion (CrStore      *self,
                                    gint64        person_id,
                                    gint64        group_id,
                                    const char   *on_date,
                                    CrCompletion *out,
                                    GError      **error);
gboolean   cr_store_foreach_training_row (CrStore          *self,
                                          gint64            group_id,
                                          const char       *on_date,
                                          CrTrainingRowFunc func,
                                          gpointer          user_data,
                                          GError          **error);
GPtrArray *cr_store_list_group_completion (CrStore    *self,
                                           const char *on_date,
                                           GError    **error);
GPtrArray *cr_store_list_expiring (CrStore    *self,
                                   gint64      group_id,
                                   const char *on_date,
                                   GError    **error);

/* Roles. */
gint64     cr_store_add_requirement (CrStore    *self,
                                     gint64      course_id,
                                     gint64      group_id,
                                     CrRoleKind  role_kind,
                                     const char *role,
                                     guint       renew_months,
                                     GError    **error);
GPtrArray *cr_store_list_requirements (CrStore *self, GError **error);
gboolean   cr_store_remove_requirement (CrStore *self,
                                        gint64   requirement_id,
                                        GError **error);
gint64     cr_store_find_requirement (CrStore    *self,
                                      gint64      course_id,
                                      gint64      group_id,
                                      CrRoleKind  role_kind,
                                      const char *role,
                                      GError    **error);
GPtrArray *cr_store_list_office_titles (CrStore *self, GError **error);
GPtrArray *cr_store_list_role_needs (CrStore    *self,
                                     gint64      person_id,
                                     const char *on_date,
                                     GError    **error);

/* Skills. */
gint64 cr_store_ensure_skill (CrStore *self, const char *name, GError **error);
gboolean cr_store_set_group_skill (CrStore *self,
                                   gint64   group_id,
                                   gint64   skill_id,
                                   guint    wanted,
                                   GError **error);
gboolean cr_store_set_person_skill (CrStore    *self,
                                    gint64      person_id,
                                    gint64      skill_id,
                                    gboolean    has,
                                    const char *noted_on,
                                    GError    **error);
GPtrArray *
cr_store_list_person_skills (CrStore *self, gint64 person_id, GError **error);
GPtrArray *cr_store_skills_audit (CrStore    *self,
                                  gint64      group_id,
                                  const char *on_date,
                                  GError    **error);

const char *cr_role_get_label (CrRoleKind kind, const char *role);

/* For cr_demo_fill(), in cr-demo-training.c. */
gboolean cr_demo_fill_training (CrStore     *store,
                                GRand       *rand,
                                const GDate *today,
                                GError     **error);

/* For cr_store_check() in cr-store-rules.c. */
gboolean cr_store_check_training (CrStore    *self,
                                  gint64      group_id,
                                  const char *on_date,
                                  GPtrArray  *items,
                                  GError    **error);

G_END_DECLS
