/* cr-store-workplan.h: work plans, priorities and scrutiny reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"
#include "cr-workplan.h"

G_BEGIN_DECLS

/* Priorities */
GPtrArray *cr_store_list_priorities (CrStore *self,
                                     gint64   group_id,
                                     guint    year,
                                     GError **error);
gint64     cr_store_add_priority (CrStore          *self,
                                  const CrPriority *priority,
                                  GError          **error);
gboolean   cr_store_update_priority (CrStore          *self,
                                     const CrPriority *priority,
                                     GError          **error);
gboolean
cr_store_delete_priority (CrStore *self, gint64 priority_id, GError **error);

/* Reviews */
GPtrArray *cr_store_list_reviews (CrStore *self,
                                  gint64   group_id,
                                  guint    year,
                                  GError **error);
CrReview *cr_store_get_review (CrStore *self, gint64 review_id, GError **error);
gint64
cr_store_add_review (CrStore *self, const CrReview *review, GError **error);
gboolean
cr_store_update_review (CrStore *self, const CrReview *review, GError **error);
gboolean cr_store_count_review_contents (CrStore          *self,
                                         gint64            review_id,
                                         CrReviewContents *contents,
                                         GError          **error);
gboolean
cr_store_delete_review (CrStore *self, gint64 review_id, GError **error);

/* Stages */
GPtrArray *
cr_store_list_review_stages (CrStore *self, gint64 review_id, GError **error);
gboolean cr_store_set_review_stage (CrStore             *self,
                                    gint64               review_id,
                                    const CrStageRecord *stage,
                                    GError             **error);

/* Requests for information and for comments */
GPtrArray *
cr_store_list_review_requests (CrStore *self, gint64 review_id, GError **error);
gint64   cr_store_add_review_request (CrStore             *self,
                                      const CrInfoRequest *request,
                                      GError             **error);
gboolean cr_store_set_review_request_due (CrStore    *self,
                                          gint64      request_id,
                                          const char *response_due,
                                          GError    **error);
gboolean cr_store_answer_review_request (CrStore    *self,
                                         gint64      request_id,
                                         const char *answered_on,
                                         GError    **error);
CrInfoRequest *cr_store_get_review_request (CrStore *self,
                                            gint64   request_id,
                                            GError **error);
gboolean       cr_store_delete_review_request (CrStore *self,
                                               gint64   request_id,
                                               GError **error);

/* Recommendations */
GPtrArray *
cr_store_list_recommendations (CrStore *self, gint64 review_id, GError **error);
CrRecommendation *cr_store_get_recommendation (CrStore *self,
                                               gint64   recommendation_id,
                                               GError **error);
gboolean          cr_store_delete_recommendation (CrStore *self,
                                                  gint64   recommendation_id,
                                                  GError **error);
gint64   cr_store_add_recommendation (CrStore    *self,
                                      gint64      review_id,
                                      const char *text,
                                      GError    **error);
gboolean cr_store_respond_recommendation (CrStore *self,
                                          gint64   recommendation_id,
                                          CrRecommendationResponse response,
                                          const char              *reason,
                                          const char              *responded_on,
                                          const char              *impact_due,
                                          GError                 **error);
gint64   cr_store_add_recommendation_action (CrStore    *self,
                                             gint64      recommendation_id,
                                             gint64      meeting_id,
                                             const char *owner_text,
                                             const char *due_date,
                                             GError    **error);
gboolean cr_store_set_recommendation_impact (CrStore    *self,
                                             gint64      recommendation_id,
                                             const char *done_on,
                                             const char *notes,
                                             GError    **error);

gboolean cr_store_list_review_meetings (CrStore   *self,
                                        gint64     review_id,
                                        GArray    *ids,
                                        GPtrArray *labels,
                                        GError   **error);
gint64 cr_store_find_meeting_for_review (CrStore    *self,
                                         gint64      review_id,
                                         const char *on_date,
                                         GError    **error);

/* check: overdue requests and comments, recommendations to follow up, and
 * the limits of the work plan rules. */
gboolean cr_store_check_workplan (CrStore    *self,
                                  gint64      group_id,
                                  const char *on_date,
                                  GPtrArray  *items,
                                  GError    **error);

/* Demo data, in cr-demo-workplan.c. */
gboolean cr_demo_fill_workplan (CrStore     *store,
                                GRand       *rand,
                                const GDate *today,
                                GError     **error);

G_END_DECLS
