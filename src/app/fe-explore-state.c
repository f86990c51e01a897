/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-explore-state.h"

#include "fe-chart-enums.h"

struct _FeExploreState
{
  GObject         parent_instance;

  FeStudy        *study;
  FeFilter       *filter;
  FeColumn       *question;
  FeColumn       *split;
  FeQuery        *query;
  FeChartKind     kind;
  FeChartMeasure  measure;
  FeChartSort     sort;
  gboolean        weighted;
  guint           min_cell;
  int             selected_level;
  int             selected_group;
  int             respondent;
};

G_DEFINE_FINAL_TYPE (FeExploreState, fe_explore_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STUDY,
  PROP_QUESTION,
  PROP_SPLIT,
  PROP_QUERY,
  PROP_KIND,
  PROP_MEASURE,
  PROP_SORT,
  PROP_WEIGHTED,
  PROP_MIN_CELL,
  PROP_SELECTION,
  PROP_RESPONDENT,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

/* The one place the counts are made: once per change, then one notification. */
/* The query of what the state says now: @made, when the caller has it already, else counted. */
static void
requery_with (FeExploreState *self,
              FeQuery        *made)
{
  self->respondent = -1;
  g_clear_pointer (&self->query, fe_query_unref);
  if (made != NULL)
    self->query = fe_query_ref (made);
  else if (self->study != NULL)
    self->query = fe_query_new_weighted (self->study, self->filter, self->question,
                                         fe_query_split_in_effect (self->question, self->split),
                                         self->weighted);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_QUERY]);
}

static void show_chart (FeExploreState *self,
                        FeColumn       *question,
                        FeColumn       *split,
                        const FeFilter *filter,
                        gboolean        weighted,
                        FeQuery        *made);

/* Counts what the state says now. */
static void
requery (FeExploreState *self)
{
  requery_with (self, NULL);
}

static void
forget_selection (FeExploreState *self)
{
  self->selected_level = -1;
  self->selected_group = -1;
}

static void
fe_explore_state_finalize (GObject *object)
{
  FeExploreState *self = FE_EXPLORE_STATE (object);

  g_clear_pointer (&self->query, fe_query_unref);
  g_clear_pointer (&self->filter, fe_filter_free);
  g_clear_object (&self->study);
  G_OBJECT_CLASS (fe_explore_state_parent_class)->finalize (object);
}

static void
fe_explore_state_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FeExploreState *self = FE_EXPLORE_STATE (object);

  switch (prop_id)
    {
    case PROP_STUDY:
      g_value_set_object (value, self->study);
      break;
    case PROP_QUESTION:
      g_value_set_pointer (value, self->question);
      break;
    case PROP_SPLIT:
      g_value_set_pointer (value, self->split);
      break;
    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_MEASURE:
      g_value_set_enum (value, self->measure);
      break;
    case PROP_SORT:
      g_value_set_enum (value, self->sort);
      break;
    case PROP_WEIGHTED:
      g_value_set_boolean (value, self->weighted);
      break;
    case PROP_MIN_CELL:
      g_value_set_uint (value, self->min_cell);
      break;
    case PROP_RESPONDENT:
      g_value_set_int (value, self->respondent);
      break;
    case PROP_SELECTION:
      g_value_set_variant (value, g_variant_new ("(ii)", self->selected_level,
                                                 self->selected_group));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_explore_state_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FeExploreState *self = FE_EXPLORE_STATE (object);

  switch (prop_id)
    {
    case PROP_STUDY:
      fe_explore_state_set_study (self, g_value_get_object (value));
      break;
    case PROP_QUESTION:
      fe_explore_state_set_question (self, g_value_get_pointer (value));
      break;
    case PROP_SPLIT:
      fe_explore_state_set_split (self, g_value_get_pointer (value));
      break;
    case PROP_KIND:
      fe_explore_state_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_MEASURE:
      fe_explore_state_set_measure (self, g_value_get_enum (value));
      break;
    case PROP_SORT:
      fe_explore_state_set_sort (self, g_value_get_enum (value));
      break;
    case PROP_WEIGHTED:
      fe_explore_state_set_weighted (self, g_value_get_boolean (value));
      break;
    case PROP_MIN_CELL:
      fe_explore_state_set_min_cell (self, g_value_get_uint (value));
      break;
    case PROP_RESPONDENT:
      fe_explore_state_set_respondent (self, g_value_get_int (value));
      break;
    case PROP_SELECTION:
      {
        int level, group;

        g_variant_get (g_value_get_variant (value), "(ii)", &level, &group);
        fe_explore_state_select (self, level, group);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fe_explore_state_class_init (FeExploreStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fe_explore_state_finalize;
  object_class->get_property = fe_explore_state_get_property;
  object_class->set_property = fe_explore_state_set_property;

  props[PROP_STUDY] = g_param_spec_object ("study", NULL, NULL, FE_TYPE_STUDY, flags);
  /* FeColumn*, owned by the study */
  props[PROP_QUESTION] = g_param_spec_pointer ("question", NULL, NULL, flags);
  props[PROP_SPLIT] = g_param_spec_pointer ("split", NULL, NULL, flags);
  props[PROP_QUERY] = g_param_spec_boxed ("query", NULL, NULL, FE_TYPE_QUERY,
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  props[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, FE_TYPE_CHART_KIND,
                                        FE_CHART_KIND_AUTO, flags);
  props[PROP_MEASURE] = g_param_spec_enum ("measure", NULL, NULL, FE_TYPE_CHART_MEASURE,
                                           FE_CHART_MEASURE_COUNT, flags);
  props[PROP_SORT] = g_param_spec_enum ("sort", NULL, NULL, FE_TYPE_CHART_SORT,
                                        FE_CHART_SORT_CODEBOOK, flags);
  /* Percentages weighted by the study's case weight; only a study with one can be. */
  props[PROP_WEIGHTED] = g_param_spec_boolean ("weighted", NULL, NULL, FALSE, flags);
  props[PROP_MIN_CELL] = g_param_spec_uint ("min-cell", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* (level, group), -1 for none */
  props[PROP_SELECTION] = g_param_spec_variant ("selection", NULL, NULL,
                                                G_VARIANT_TYPE ("(ii)"), NULL, flags);
  /* The row of the respondent whose words are picked out (a quote), -1 for none */
  props[PROP_RESPONDENT] = g_param_spec_int ("respondent", NULL, NULL, -1, G_MAXINT, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
fe_explore_state_init (FeExploreState *self)
{
  forget_selection (self);
  self->respondent = -1;
}

FeExploreState *
fe_explore_state_new (void)
{
  return g_object_new (FE_TYPE_EXPLORE_STATE, NULL);
}

FeStudy *
fe_explore_state_get_study (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), NULL);
  return self->study;
}

void
fe_explore_state_set_study (FeExploreState *self,
                            FeStudy        *study)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->study, study))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_STUDY]);
  g_clear_pointer (&self->filter, fe_filter_free);
  if (study != NULL)
    self->filter = fe_filter_new (study);
  /* The old study's columns mean nothing in the new one. */
  if (self->question != NULL)
    {
      self->question = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_QUESTION]);
    }
  if (self->split != NULL)
    {
      self->split = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SPLIT]);
    }
  /* Another study's weight is not this one's: a study without one is unweighted. */
  if (self->weighted && (study == NULL || fe_study_get_weights (study) == NULL))
    {
      self->weighted = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WEIGHTED]);
    }
  forget_selection (self);
  requery (self);
  g_object_thaw_notify (G_OBJECT (self));
}

FeQuery *
fe_explore_state_get_query (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), NULL);
  return self->query;
}

void
fe_explore_state_requery (FeExploreState *self)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));
  requery (self);
}

FeColumn *
fe_explore_state_get_question (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), NULL);
  return self->question;
}

void
fe_explore_state_set_question (FeExploreState *self,
                               FeColumn       *question)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));
  fe_explore_state_show (self, question, self->split);
}

FeColumn *
fe_explore_state_get_split (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), NULL);
  return self->split;
}

void
fe_explore_state_set_split (FeExploreState *self,
                            FeColumn       *split)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));
  fe_explore_state_show (self, self->question, split);
}

void
fe_explore_state_show (FeExploreState *self,
                       FeColumn       *question,
                       FeColumn       *split)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));
  show_chart (self, question, split, NULL, self->weighted, NULL);
}

/* Whether @weighted can be had of the study: only with its case weights. */
static gboolean
can_weigh (FeExploreState *self,
           gboolean        weighted)
{
  return weighted && self->study != NULL && fe_study_get_weights (self->study) != NULL;
}

/* Shows @question split by @split, under a copy of @filter (NULL: the one in force), weighted
 * or not, in one change: counted, or @made when the caller has counted it already. */
static void
show_chart (FeExploreState *self,
            FeColumn       *question,
            FeColumn       *split,
            const FeFilter *filter,
            gboolean        weighted,
            FeQuery        *made)
{
  gboolean other_chart;

  weighted = can_weigh (self, weighted);
  other_chart = question != self->question || split != self->split;
  if (!other_chart && filter == NULL && weighted == self->weighted)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  if (weighted != self->weighted)
    {
      self->weighted = weighted;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WEIGHTED]);
    }
  if (question != self->question)
    {
      self->question = question;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_QUESTION]);
    }
  if (split != self->split)
    {
      self->split = split;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SPLIT]);
    }
  if (filter != NULL)
    {
      g_clear_pointer (&self->filter, fe_filter_free);
      self->filter = fe_filter_copy (filter);
    }
  /* A segment of another chart is not one of this. */
  if (other_chart)
    forget_selection (self);
  requery_with (self, made);
  g_object_thaw_notify (G_OBJECT (self));
}

void
fe_explore_state_show_query (FeExploreState *self,
                             FeQuery        *query)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));
  g_return_if_fail (query != NULL && fe_query_get_study (query) == self->study);

  show_chart (self, fe_query_get_question (query), fe_query_get_split (query),
              fe_query_get_filter (query), fe_query_get_weighted_by (query) != NULL, query);
}

const FeFilter *
fe_explore_state_get_filter (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), NULL);
  return self->filter;
}

void
fe_explore_state_set_filter (FeExploreState *self,
                             const FeFilter *filter)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));
  g_return_if_fail (self->study != NULL);

  g_clear_pointer (&self->filter, fe_filter_free);
  self->filter = filter != NULL ? fe_filter_copy (filter) : fe_filter_new (self->study);
  requery (self);
}

void
fe_explore_state_set_filter_level (FeExploreState *self,
                                   const FeColumn *column,
                                   guint           level,
                                   gboolean        kept)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));
  g_return_if_fail (self->filter != NULL);

  if (fe_filter_has_level (self->filter, column, level) == kept)
    return;
  if (kept)
    fe_filter_add_level (self->filter, column, level);
  else
    fe_filter_remove_level (self->filter, column, level);
  requery (self);
}

void
fe_explore_state_clear_filter (FeExploreState *self)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));

  if (self->filter == NULL || fe_filter_is_empty (self->filter))
    return;
  fe_filter_clear (self->filter);
  requery (self);
}

#define DEFINE_CHART_SETTING(type, name, PROP)                                   \
  type                                                                            \
  fe_explore_state_get_##name (FeExploreState *self)                              \
  {                                                                               \
    g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), 0);                         \
    return self->name;                                                            \
  }                                                                               \
                                                                                  \
  void                                                                            \
  fe_explore_state_set_##name (FeExploreState *self,                              \
                               type            name)                              \
  {                                                                               \
    g_return_if_fail (FE_IS_EXPLORE_STATE (self));                                \
    if (self->name == name)                                                       \
      return;                                                                     \
    self->name = name;                                                            \
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP]);                      \
  }

DEFINE_CHART_SETTING (FeChartKind, kind, PROP_KIND)
DEFINE_CHART_SETTING (FeChartMeasure, measure, PROP_MEASURE)
DEFINE_CHART_SETTING (FeChartSort, sort, PROP_SORT)
DEFINE_CHART_SETTING (guint, min_cell, PROP_MIN_CELL)

gboolean
fe_explore_state_get_weighted (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), FALSE);
  return self->weighted;
}

void
fe_explore_state_set_weighted (FeExploreState *self,
                               gboolean        weighted)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));

  /* The weights are summed with the counts, in the query: one new query, one notification. */
  show_chart (self, self->question, self->split, NULL, weighted, NULL);
}

int
fe_explore_state_get_selected_level (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), -1);
  return self->selected_level;
}

int
fe_explore_state_get_selected_group (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), -1);
  return self->selected_group;
}

void
fe_explore_state_select (FeExploreState *self,
                         int             level,
                         int             group)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));

  if (level < 0 || self->question == NULL)
    level = group = -1;
  else if (self->query == NULL || fe_query_get_split (self->query) == NULL)
    group = -1;
  if (level == self->selected_level && group == self->selected_group)
    return;
  self->selected_level = level;
  self->selected_group = group;
  self->respondent = -1;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SELECTION]);
}

int
fe_explore_state_get_respondent (FeExploreState *self)
{
  g_return_val_if_fail (FE_IS_EXPLORE_STATE (self), -1);
  return self->respondent;
}

void
fe_explore_state_set_respondent (FeExploreState *self,
                                 int             row)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));

  if (row == self->respondent)
    return;
  self->respondent = row;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_RESPONDENT]);
}

void
fe_explore_state_init_spec (FeExploreState *self,
                            FeChartSpec    *spec)
{
  g_return_if_fail (FE_IS_EXPLORE_STATE (self));

  fe_chart_spec_init (spec);
  /* Explore shows every number, small cells marked; exports and presenting hide them. */
  spec->min_cell = self->min_cell;
  spec->mark_small = TRUE;
  spec->kind = self->kind;
  spec->measure = self->measure;
  spec->sort = self->sort;
  if (self->query != NULL)
    fe_chart_spec_set_query (spec, self->query);
}
