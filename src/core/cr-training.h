/* cr-training.h: courses, training records and what they add up to on a
 * date — completion of the core programme, expiry, what a role still needs
 *
 * Pure functions over plain structs: no file, no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CR_TRAINING_BOOKED = 0,
  CR_TRAINING_ATTENDED,
  CR_TRAINING_COMPLETED,
  CR_TRAINING_DID_NOT_ATTEND,
} CrTrainingStatus;

/* Where one person stands with one course on a date. */
typedef enum
{
  CR_COURSE_NOT_DONE = 0, /* never completed (on or before the date) */
  CR_COURSE_CURRENT,      /* completed and valid for over 60 days more */
  CR_COURSE_EXPIRING,     /* completed, expires within 60 days */
  CR_COURSE_EXPIRED,      /* completed once, no longer valid */
} CrCourseState;

/* How many days before expiry a certificate is flagged. */
#define CR_TRAINING_EXPIRY_WARNING_DAYS 60

/* A course in the catalogue. */
typedef struct
{
  gint64   id;
  char    *title;
  char    *provider;        /* or NULL */
  guint    validity_months; /* 0: never expires */
  gint64   cost;            /* pence */
  gboolean core;            /* core on the date and for the group asked */
  gboolean core_everywhere; /* … because it is core for every group */
} CrCourse;

/* One person on one course on one date. */
typedef struct
{
  gint64           id;
  gint64           person_id;
  char            *person_name;
  gint64           course_id;
  char            *course_title;
  char            *date; /* ISO */
  CrTrainingStatus status;
  char            *certificate;     /* or NULL */
  guint            validity_months; /* the course's; 0: never expires */
} CrTrainingRecord;

/* One course of the core programme in force on a date. */
typedef struct
{
  gint64 course_id;
  guint  validity_months;
} CrCoreCourse;

/* Completion of a programme: @done of @total courses. */
typedef struct
{
  guint done;
  guint total;
} CrCompletion;

/* A course a role requires, and where the person stands with it. */
typedef struct
{
  char         *role; /* "Treasurer", "Voting member" */
  gint64        group_id;
  char         *group_name;
  gint64        course_id;
  char         *course_title;
  guint         renew_months; /* 0: never needs redoing */
  CrCourseState state;
  char         *done_on;    /* ISO, or NULL */
  char         *expires_on; /* ISO, or NULL */
} CrRoleNeed;

void cr_course_free (CrCourse *course);
void cr_training_record_free (CrTrainingRecord *record);
void cr_role_need_free (CrRoleNeed *need);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCourse, cr_course_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrTrainingRecord, cr_training_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrRoleNeed, cr_role_need_free)

const char *cr_training_status_to_string (CrTrainingStatus status);
gboolean    cr_training_status_from_string (const char       *text,
                                            CrTrainingStatus *out);
const char *cr_training_status_get_label (CrTrainingStatus status);
const char *cr_course_state_get_label (CrCourseState state);

char         *cr_training_expiry (const char *done_on, guint validity_months);
CrCourseState cr_training_course_state (const GPtrArray *records,
                                        gint64           course_id,
                                        guint            validity_months,
                                        const char      *on_date,
                                        const CrTrainingRecord **latest);
CrCompletion  cr_training_completion (const GPtrArray *records,
                                      const GArray    *core,
                                      const char      *on_date);
guint         cr_completion_percent (CrCompletion completion);
gboolean cr_completion_meets (CrCompletion completion, guint threshold_percent);

G_END_DECLS
