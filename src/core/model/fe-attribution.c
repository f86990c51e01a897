/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fe-attribution.h"

#include "fe-i18n.h"

#include "fe-quote.h"
#include "fe-study.h"

struct _FeAttributionRule
{
  FeStudy    *study;
  guint       k;
  GPtrArray  *attributes;  /* FeColumn*, the study's attributes in order */
  /* Under k: each group of those listed, by its first attributes' answers (a key of them,
   * mixed-radix, prefix_key()), and whether its last answer is named. */
  GHashTable *named;       /* gint64* key → TRUE when named */
  FeBitset   *rows;        /* those listed, within the study's respondents; NULL when k is 0 */
  /* A quote's codes, shown beside it, are segments of their own: the rule among those listed
   * who were given each code, made when first asked. */
  GHashTable *by_code;     /* "column\x1fcode" → FeAttributionRule* */
  gboolean    one_author;  /* every quote listed is one respondent's, as the reader knows */
};

/* @digits, the mixed-radix number of @row's answers to the attributes before the @n-th (from
 * 1), with its answer to the @n-th (0: none) after them. */
static gint64
add_digit (FeAttributionRule *rule,
           gint64             digits,
           guint              row,
           guint              n)
{
  FeColumn *column = g_ptr_array_index (rule->attributes, n - 1);

  return digits * (gint64) (fe_column_get_n_levels (column) + 1) + column->values[row];
}

/* The key of a group: its first @n attributes' answers, and how many they are. */
static gint64
group_key (FeAttributionRule *rule,
           gint64             digits,
           guint              n)
{
  return digits * (gint64) (rule->attributes->len + 1) + n;
}

/* The key of @row's group by its first @n attributes' answers. */
static gint64
prefix_key (FeAttributionRule *rule,
            guint              row,
            guint              n)
{
  gint64 digits = 0;

  for (guint a = 1; a <= n; a++)
    digits = add_digit (rule, digits, row, a);
  return group_key (rule, digits, n);
}

static void
add_key (GHashTable *table,
         gint64      key,
         guint       count)
{
  gint64 *stored = g_new (gint64, 1);

  *stored = key;
  g_hash_table_replace (table, stored, GUINT_TO_POINTER (count));
}

typedef struct
{
  gint64   key;
  guint    size;
  gboolean unanswered;  /* the group of those who did not answer: never named */
} Child;

static int
compare_children (gconstpointer a,
                  gconstpointer b)
{
  guint x = ((const Child *) a)->size, y = ((const Child *) b)->size;

  return (x > y) - (x < y);
}

/* Which answers to the next attribute are named among a group's rows: as a chart folds small
 * groups, those of fewer than k go unnamed together, and while they are fewer than k in all the
 * next smallest joins them (the largest never does, and then none is named). Otherwise the
 * quotes left unnamed would be counted: by the first attribute, the one small force of a
 * segment; by the next, the two managers among a force's named officers. */
static void
decide_children (FeAttributionRule *rule,
                 GArray            *children)
{
  guint unnamed = 0, i = 0;

  g_array_sort (children, compare_children);
  for (guint c = 0; c < children->len; c++)
    if (g_array_index (children, Child, c).unanswered)
      unnamed += g_array_index (children, Child, c).size;
  while (i < children->len && g_array_index (children, Child, i).size < rule->k)
    if (!g_array_index (children, Child, i++).unanswered)
      unnamed += g_array_index (children, Child, i - 1).size;
  while (unnamed > 0 && unnamed < rule->k && i + 1 < children->len)
    if (!g_array_index (children, Child, i++).unanswered)
      unnamed += g_array_index (children, Child, i - 1).size;
  if (unnamed > 0 && unnamed < rule->k)
    i = children->len;
  for (guint c = i; c < children->len; c++)
    if (!g_array_index (children, Child, c).unanswered)
      add_key (rule->named, g_array_index (children, Child, c).key, TRUE);
}

FeAttributionRule *
fe_attribution_rule_new (FeStudy        *study,
                         const FeBitset *listed,
                         guint           k)
{
  FeAttributionRule *rule = g_new0 (FeAttributionRule, 1);
  g_autoptr(FeBitset) rows = NULL;
  double radix = 1;

  rule->study = study;
  rule->k = k;
  rule->attributes = g_ptr_array_new ();
  /* As many attributes as a key can hold; more are never named. */
  for (guint c = 0; c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);

      if (column->role != FE_ROLE_ATTRIBUTE || column->values == NULL)
        continue;
      radix *= fe_column_get_n_levels (column) + 1;
      /* The key also says how many attributes it holds (up to all of them, plus one). */
      if (radix * (fe_study_get_n_columns (study) + 2) > (double) G_MAXINT64)
        break;
      g_ptr_array_add (rule->attributes, column);
    }
  rule->named = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (k == 0)
    return rule;

  rows = fe_bitset_copy (fe_study_get_universe (study));
  if (listed != NULL)
    fe_bitset_and (rows, listed);
  rule->rows = fe_bitset_copy (rows);
  /* One pass over those listed: each group's size, counted in place, and each new group added
   * to its parent's children (a million rows make a few hundred groups). */
  {
    g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
    g_autoptr(GHashTable) families = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) g_array_unref);
    GHashTableIter iter;
    gpointer key, value;

    FE_BITSET_FOREACH (rows, row)
      {
        gint64 digits = 0, parent = -1;

        for (guint n = 1; n <= rule->attributes->len; n++)
          {
            FeColumn *column = g_ptr_array_index (rule->attributes, n - 1);
            gint64 child;
            guint *size;

            digits = add_digit (rule, digits, row, n);
            child = group_key (rule, digits, n);
            if ((size = g_hash_table_lookup (sizes, &child)) != NULL)
              (*size)++;
            else
              {
                GArray *children = g_hash_table_lookup (families, &parent);

                if (children == NULL)
                  {
                    children = g_array_new (FALSE, FALSE, sizeof (Child));
                    g_hash_table_insert (families, g_memdup2 (&parent, sizeof parent), children);
                  }
                g_array_append_val (children, ((Child) { child, 0, column->values[row] == 0 }));
                size = g_new (guint, 1);
                *size = 1;
                g_hash_table_insert (sizes, g_memdup2 (&child, sizeof child), size);
              }
            parent = child;
          }
      }
    g_hash_table_iter_init (&iter, families);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GArray *children = value;

        for (guint c = 0; c < children->len; c++)
          g_array_index (children, Child, c).size
            = *(guint *) g_hash_table_lookup (sizes, &g_array_index (children, Child, c).key);
      }
    g_hash_table_iter_init (&iter, families);
    while (g_hash_table_iter_next (&iter, &key, &value))
      decide_children (rule, value);
  }
  return rule;
}

void
fe_attribution_rule_free (FeAttributionRule *rule)
{
  if (rule == NULL)
    return;
  g_ptr_array_unref (rule->attributes);
  g_hash_table_unref (rule->named);
  g_clear_pointer (&rule->rows, fe_bitset_free);
  g_clear_pointer (&rule->by_code, g_hash_table_unref);
  g_free (rule);
}

int
fe_attribution_rule_count (FeAttributionRule *rule,
                           guint              row)
{
  guint n = 0;

  /* Without a threshold everything is named; without attributes there is nothing to name
   * but the respondent's number, which says nothing of them. */
  if (rule->k == 0 || rule->attributes->len == 0)
    return (int) rule->attributes->len;
  while (n < rule->attributes->len)
    {
      gint64 key = prefix_key (rule, row, n + 1);

      if (((FeColumn *) g_ptr_array_index (rule->attributes, n))->values[row] == 0
          || !g_hash_table_contains (rule->named, &key))
        break;
      n++;
    }
  return n == 0 ? -1 : (int) n;
}

void
fe_attribution_rule_set_one_author (FeAttributionRule *rule)
{
  rule->one_author = TRUE;
}

/* How far one quote allows its author to be named: its codes, shown beside it, say more of
 * them, so as far as the rule allows among those listed who were given each code too. */
static int
count_quote (FeAttributionRule *rule,
             const FeQuote     *quote)
{
  int n = fe_attribution_rule_count (rule, quote->row);

  if (rule->k == 0 || quote->codes == NULL || rule->one_author || rule->attributes->len == 0)
    return n;
  if (rule->by_code == NULL)
    rule->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) fe_attribution_rule_free);
  for (guint i = 0; i < quote->codes->len && n >= 0; i++)
    {
      guint code = g_array_index (quote->codes, guint, i);
      g_autofree char *key = g_strdup_printf ("%s\x1f%u", quote->column->id, code);
      FeAttributionRule *coded = g_hash_table_lookup (rule->by_code, key);

      if (coded == NULL)
        {
          g_autoptr(FeBitset) given = fe_bitset_copy (rule->rows);

          fe_bitset_and (given, g_ptr_array_index (quote->column->level_rows, code));
          coded = fe_attribution_rule_new (rule->study, given, rule->k);
          g_hash_table_insert (rule->by_code, g_steal_pointer (&key), coded);
        }
      n = MIN (n, fe_attribution_rule_count (coded, quote->row));
    }
  return n;
}

int
fe_attribution_naming_get (GHashTable *naming,
                           guint       row)
{
  gpointer named = g_hash_table_lookup (naming, GUINT_TO_POINTER (row + 1));

  return named != NULL ? GPOINTER_TO_INT (named) - 2 : -1;
}

void
fe_attribution_naming_keep_least (GHashTable *naming,
                                  guint       row,
                                  int         n_named)
{
  gpointer key = GUINT_TO_POINTER (row + 1);

  if (g_hash_table_contains (naming, key))
    n_named = MIN (n_named, fe_attribution_naming_get (naming, row));
  g_hash_table_insert (naming, key, GINT_TO_POINTER (n_named + 2));
}

GHashTable *
fe_attribution_rule_count_listing (FeAttributionRule *rule,
                                   GPtrArray         *quotes)
{
  GHashTable *named = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) short_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < quotes->len; i++)
    {
      const FeQuote *quote = g_ptr_array_index (quotes, i);

      fe_attribution_naming_keep_least (named, quote->row, count_quote (rule, quote));
    }
  if (rule->k == 0)
    return named;
  /* Depth by depth, a group some of whose authors go unnamed at that depth goes unnamed
   * whole: what a code hid is then not the group's printed count less those named. */
  for (guint depth = 1; depth <= rule->attributes->len; depth++)
    {
      g_hash_table_remove_all (short_of);
      g_hash_table_iter_init (&iter, named);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_INT (value) - 2 < (int) depth)
          add_key (short_of, prefix_key (rule, GPOINTER_TO_UINT (key) - 1, depth), TRUE);
      g_hash_table_iter_init (&iter, named);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 group = prefix_key (rule, GPOINTER_TO_UINT (key) - 1, depth);

          if (GPOINTER_TO_INT (value) - 2 >= (int) depth
              && g_hash_table_contains (short_of, &group))
            g_hash_table_iter_replace (&iter, GINT_TO_POINTER ((depth == 1 ? -1 : (int) depth - 1)
                                                               + 2));
        }
    }
  return named;
}

char *
fe_study_dup_attribution_named (FeStudy *study,
                                guint    row,
                                int      n_named)
{
  g_autofree char *id = NULL;

  if (n_named < 0)
    /* Translators: the attribution of a quote whose author is in a group too small to
     * name without identifying them */
    return g_strdup (_("a participant"));
  id = fe_study_dup_respondent_id (study, row);
  for (guint c = 0; n_named > 0 && c < fe_study_get_n_columns (study); c++)
    {
      FeColumn *column = fe_study_get_column (study, c);
      const char *group;

      if (column->role != FE_ROLE_ATTRIBUTE)
        continue;
      group = fe_study_get_display_level_label (study, column, row);
      if (group == NULL)
        break;
      /* Translators: a quote's attribution: participant id, then e.g. their police force */
      return g_strdup_printf (_("Participant %s, %s"), id, group);
    }
  return g_strdup_printf (_("Participant %s"), id);
}

char *
fe_attribution_rule_dup (FeAttributionRule *rule,
                         guint              row)
{
  return fe_study_dup_attribution_named (rule->study, row, fe_attribution_rule_count (rule, row));
}

char *
fe_study_dup_attribution (FeStudy *study,
                          guint    row)
{
  FeColumn *first = NULL;

  for (guint c = 0; c < fe_study_get_n_columns (study) && first == NULL; c++)
    if (fe_study_get_column (study, c)->role == FE_ROLE_ATTRIBUTE)
      first = fe_study_get_column (study, c);
  return fe_study_dup_attribution_named (study, row,
                                         first != NULL && first->values != NULL
                                         && first->values[row] != 0);
}

char *
fe_quote_dup_citation (FeStudy       *study,
                       const FeQuote *quote,
                       int            n_named)
{
  g_autofree char *who = fe_study_dup_attribution_named (study, quote->row, n_named);

  return g_strdup_printf ("'%s' (%s)", quote->text, who);
}
