/* cr-required-courses.h: the courses each role requires, set in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cr-store.h"

G_BEGIN_DECLS

#define CR_TYPE_REQUIRED_COURSES (cr_required_courses_get_type ())

G_DECLARE_FINAL_TYPE (
    CrRequiredCourses, cr_required_courses, CR, REQUIRED_COURSES, AdwWindow)

CrRequiredCourses *cr_required_courses_new (GtkWidget *near, CrStore *store);

G_END_DECLS
