/* cr-workplan.h: a group's work plan and its scrutiny reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CR_WORKPLAN_ERROR (cr_workplan_error_quark ())

typedef enum
{
  CR_WORKPLAN_ERROR_STAGE_ORDER, /* a stage done before an earlier one */
  CR_WORKPLAN_ERROR_INVALID,     /* a value that can't be */
} CrWorkplanError;

typedef enum
{
  CR_PRIORITY_NOT_STARTED = 0,
  CR_PRIORITY_ON_TRACK,
  CR_PRIORITY_AT_RISK,
  CR_PRIORITY_DONE,
  CR_PRIORITY_DROPPED,
} CrPriorityStatus;

/* Why a review was started, as a panel's terms of reference list them. */
typedef enum
{
  CR_TRIGGER_RESPONSIVE = 0, /* the panel's own programme */
  CR_TRIGGER_OFFICER_REQUEST,
  CR_TRIGGER_EARLIER_REVIEW,
  CR_TRIGGER_COMPLAINTS,
  CR_TRIGGER_OTHER,
} CrReviewTrigger;

typedef enum
{
  CR_REVIEW_PLANNED = 0,
  CR_REVIEW_IN_PROGRESS,
  CR_REVIEW_COMPLETE,
  CR_REVIEW_WITHDRAWN,
} CrReviewStatus;

/* The stages of a review, in the order a review runs through them. */
typedef enum
{
  CR_STAGE_INITIAL_REPORT = 0,
  CR_STAGE_LETTER_OF_INTENT,
  CR_STAGE_INFORMATION_REQUESTS,
  CR_STAGE_DESK_REVIEW,
  CR_STAGE_SHADOWING,
  CR_STAGE_MYSTERY_SHOPPING,
  CR_STAGE_SURVEYS,
  CR_STAGE_INTERVIEWS,
  CR_STAGE_SITE_VISITS,
  CR_STAGE_FINDINGS_REPORT,
  CR_STAGE_MANAGEMENT_COMMENTS,
  CR_STAGE_SIGN_OFF,
  CR_STAGE_IMPACT_ASSESSMENT,
  CR_STAGE_N,
} CrReviewStage;

typedef enum
{
  CR_REQUEST_INFORMATION = 0, /* answered within request-response-days */
  CR_REQUEST_COMMENTS,        /* on the findings, within comments-due-days */
} CrRequestKind;

typedef enum
{
  CR_RESPONSE_NONE = 0, /* not answered yet */
  CR_RESPONSE_ACCEPTED,
  CR_RESPONSE_PARTLY,
  CR_RESPONSE_REJECTED,
} CrRecommendationResponse;

/* One priority of a year's plan. */
typedef struct
{
  gint64           id;
  gint64           group_id;
  guint            year;
  guint            position; /* 1, 2, … in the plan */
  char            *title;
  gint64           lead_person_id; /* 0: no resident lead yet */
  char            *staff_contact;
  char            *outputs;
  CrPriorityStatus status;
  char            *review_on; /* ISO: the six-monthly review */

  char *lead_name; /* filled in when read */
  char *group_name;
} CrPriority;

typedef struct
{
  gint64          id;
  gint64          group_id;
  guint           year;
  char           *title;
  CrReviewTrigger trigger;
  char           *service_manager; /* who the letter of intent goes to */
  char           *scope;
  char           *timescale;
  CrReviewStatus  status;

  char *group_name; /* filled in when read */
} CrReview;

/* One stage of a review; every review has all CR_STAGE_N of them. */
typedef struct
{
  CrReviewStage stage;
  char         *planned_on; /* ISO or NULL */
  char         *done_on;    /* ISO or NULL */
  gboolean      skipped;    /* not used in this review */
  char         *notes;
} CrStageRecord;

typedef struct
{
  gint64        id;
  gint64        review_id;
  CrRequestKind kind;
  char         *sent_to;
  char         *what;
  char         *sent_on;      /* ISO */
  char         *response_due; /* ISO; NULL when adding: from the rules */
  char         *answered_on;  /* ISO or NULL */
  char         *notes;
} CrInfoRequest;

typedef struct
{
  gint64                   id;
  gint64                   review_id;
  guint                    position;
  char                    *text;
  CrRecommendationResponse response;
  char                    *reason;         /* why rejected or partly */
  char                    *responded_on;   /* ISO or NULL */
  gint64                   action_id;      /* 0: no action yet */
  char                    *impact_due;     /* ISO or NULL */
  char                    *impact_done_on; /* ISO or NULL */
  char                    *impact_notes;

  /* The action, filled in when read. */
  char *action_text;
  char *action_status; /* "open", "done" … */
  char *action_outcome;
  char *action_owner; /* a name, or NULL */
  char *action_due;   /* ISO or NULL */
} CrRecommendation;

const char *
cr_recommendation_get_action_status_label (const CrRecommendation *rec);

/* What a recommendation still needs, on a date. */
typedef enum
{
  CR_FOLLOW_UP_NONE = 0,
  CR_FOLLOW_UP_RESPONSE,    /* management has not answered it */
  CR_FOLLOW_UP_ACTION,      /* accepted (or partly) with no action */
  CR_FOLLOW_UP_IMPACT_SOON, /* impact assessment due within the window */
  CR_FOLLOW_UP_IMPACT_LATE, /* impact assessment past its date */
} CrFollowUp;

/* Days ahead an impact assessment shows as coming due. */
#define CR_IMPACT_NOTICE_DAYS 28

GQuark cr_workplan_error_quark (void);

void cr_priority_free (CrPriority *priority);
void cr_review_free (CrReview *review);
void cr_stage_record_free (CrStageRecord *record);
void cr_info_request_free (CrInfoRequest *request);
void cr_recommendation_free (CrRecommendation *recommendation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrPriority, cr_priority_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrReview, cr_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrStageRecord, cr_stage_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrInfoRequest, cr_info_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrRecommendation, cr_recommendation_free)

const char *cr_priority_status_to_string (CrPriorityStatus status);
gboolean    cr_priority_status_from_string (const char       *text,
                                            CrPriorityStatus *out);
const char *cr_priority_status_get_label (CrPriorityStatus status);

const char *cr_review_trigger_to_string (CrReviewTrigger trigger);
gboolean cr_review_trigger_from_string (const char *text, CrReviewTrigger *out);
const char *cr_review_trigger_get_label (CrReviewTrigger trigger);

const char *cr_review_status_to_string (CrReviewStatus status);
gboolean cr_review_status_from_string (const char *text, CrReviewStatus *out);
const char *cr_review_status_get_label (CrReviewStatus status);

const char *cr_review_stage_to_string (CrReviewStage stage);
gboolean    cr_review_stage_from_string (const char *text, CrReviewStage *out);
const char *cr_review_stage_get_label (CrReviewStage stage);
guint       cr_review_stage_get_phase (CrReviewStage stage);

const char *cr_request_kind_to_string (CrRequestKind kind);
const char *cr_request_kind_get_label (CrRequestKind kind);

const char *cr_response_to_string (CrRecommendationResponse response);
gboolean    cr_response_from_string (const char               *text,
                                     CrRecommendationResponse *out);
const char *cr_response_get_label (CrRecommendationResponse response);

/* What deleting a review takes with it. actions: its recommendations'
 * actions in the log, which stay there. */
typedef struct
{
  guint stages;
  guint requests;
  guint recommendations;
  guint actions;
} CrReviewContents;

char *cr_review_describe_delete (const char             *title,
                                 const CrReviewContents *contents);
char *cr_recommendation_describe_delete (const CrRecommendation *rec);
char *cr_info_request_describe_delete (const CrInfoRequest *request);

char      *cr_workplan_add_days (const char *iso, guint days);
gboolean   cr_info_request_is_overdue (const CrInfoRequest *request,
                                       const char          *on_date);
CrFollowUp cr_recommendation_follow_up (const CrRecommendation *rec,
                                        const char             *on_date);
gboolean   cr_review_stages_check_order (GPtrArray *stages, GError **error);
gint       cr_review_stages_next (GPtrArray *stages);
void       cr_review_stages_count (GPtrArray *stages, guint *done, guint *used);

G_END_DECLS
