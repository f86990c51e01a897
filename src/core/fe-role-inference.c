/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fe-role-inference.h"

#include <stdlib.h>
#include <string.h>

/* Listed smallest first within each family, so the tightest scale that fits is chosen. */
static const char * const *const likert_scales[] = {
  (const char *[]) { "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
                     "Strongly agree", NULL },
  (const char *[]) { "Strongly disagree", "Somewhat disagree", "Neither agree nor disagree",
                     "Somewhat agree", "Strongly agree", NULL },
  (const char *[]) { "Strongly disagree", "Disagree", "Somewhat disagree",
                     "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree",
                     NULL },
  (const char *[]) { "Not at all well", "Slightly well", "Moderately well", "Very well",
                     "Extremely well", NULL },
  (const char *[]) { "Not at all", "Slightly", "Moderately", "Very", "Extremely", NULL },
  (const char *[]) { "Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely",
                     "Very likely", NULL },
  (const char *[]) { "Extremely unlikely", "Somewhat unlikely", "Neither likely nor unlikely",
                     "Somewhat likely", "Extremely likely", NULL },
  (const char *[]) { "Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied",
                     "Satisfied", "Very satisfied", NULL },
  (const char *[]) { "Extremely dissatisfied", "Somewhat dissatisfied",
                     "Neither satisfied nor dissatisfied", "Somewhat satisfied",
                     "Extremely satisfied", NULL },
  (const char *[]) { "Never", "Rarely", "Sometimes", "Often", "Always", NULL },
  (const char *[]) { "Never", "Sometimes", "About half the time", "Most of the time", "Always",
                     NULL },
  (const char *[]) { "Not at all important", "Slightly important", "Moderately important",
                     "Very important", "Extremely important", NULL },
  (const char *[]) { "Very poor", "Poor", "Fair", "Good", "Very good", NULL },
  (const char *[]) { "Poor", "Fair", "Good", "Very good", "Excellent", NULL },
};

/* Answers that sit outside any scale; they follow its levels. */
static const char * const non_substantive[] = {
  "Don't know", "Not sure", "Unsure", "Prefer not to say", "N/A", "Not applicable", NULL,
};

static const char * const yes_no[] = { "Yes", "No", NULL };

/* Case-insensitive, with typographic apostrophes read as plain ones. */
static char *
normalise_wording (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      g_string_append_unichar (plain, g_unichar_tolower (c));
    }
  return g_string_free (g_steal_pointer (&plain), FALSE);
}

static int
find_wording (const char * const *scale,
              const char         *normalised)
{
  for (int i = 0; scale[i] != NULL; i++)
    {
      g_autofree char *candidate = normalise_wording (scale[i]);

      if (strcmp (candidate, normalised) == 0)
        return i;
    }
  return -1;
}

/* Fills @found (one slot per scale level, then one per non-substantive answer) with the
 * spelling of each value in the data; FALSE when some value is in neither list. */
static gboolean
match_scale (const char * const *scale,
             GPtrArray          *values,
             const char        **found,
             guint               scale_length)
{
  gboolean any_in_scale = FALSE;

  for (guint v = 0; v < values->len; v++)
    {
      const char *value = g_ptr_array_index (values, v);
      g_autofree char *normalised = normalise_wording (value);
      int at = find_wording (scale, normalised);

      if (at >= 0)
        {
          any_in_scale = TRUE;
          found[at] = value;
          continue;
        }
      at = find_wording (non_substantive, normalised);
      if (at < 0)
        return FALSE;
      found[scale_length + (guint) at] = value;
    }
  return any_in_scale;
}

static GPtrArray *
order_by_scale (const char * const *scale,
                GPtrArray          *values,
                gboolean            whole_scale)
{
  guint scale_length = g_strv_length ((char **) scale);
  guint n_extra = g_strv_length ((char **) non_substantive);
  g_autofree const char **found = g_new0 (const char *, scale_length + n_extra);
  GPtrArray *ordered;

  if (!match_scale (scale, values, found, scale_length))
    return NULL;

  ordered = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < scale_length; i++)
    if (found[i] != NULL || whole_scale)
      g_ptr_array_add (ordered, g_strdup (found[i] ? found[i] : scale[i]));
  for (guint i = 0; i < n_extra; i++)
    if (found[scale_length + i] != NULL)
      g_ptr_array_add (ordered, g_strdup (found[scale_length + i]));
  return ordered;
}

GPtrArray *
fe_likert_order (GPtrArray *values)
{
  for (guint s = 0; s < G_N_ELEMENTS (likert_scales); s++)
    {
      GPtrArray *ordered = order_by_scale (likert_scales[s], values, TRUE);

      if (ordered != NULL)
        return ordered;
    }
  return NULL;
}

typedef struct
{
  char  *value;
  guint  count;
  guint  first_row;
} ValueCount;

static gboolean
parse_integer (const char *text,
               gint64     *value)
{
  char *end = NULL;

  if (*text == '\0')
    return FALSE;
  *value = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0';
}

static int
compare_by_frequency (gconstpointer a,
                      gconstpointer b)
{
  const ValueCount *va = *(ValueCount * const *) a;
  const ValueCount *vb = *(ValueCount * const *) b;

  if (va->count != vb->count)
    return va->count > vb->count ? -1 : 1;
  return va->first_row < vb->first_row ? -1 : va->first_row > vb->first_row;
}

static int
compare_numerically (gconstpointer a,
                     gconstpointer b)
{
  const ValueCount *va = *(ValueCount * const *) a;
  const ValueCount *vb = *(ValueCount * const *) b;
  gint64 ia = 0, ib = 0;

  parse_integer (va->value, &ia);
  parse_integer (vb->value, &ib);
  return ia < ib ? -1 : ia > ib;
}

typedef struct
{
  GHashTable *counts;        /* value → ValueCount */
  GPtrArray  *distinct;      /* ValueCount*, in order of first appearance */
  GHashTable *tokens;        /* ';'-separated token → count */
  guint       n_answered;
  guint       n_integers;
  gint64      min_integer;
  gint64      max_integer;
  guint       n_with_separator;
  guint       n_tokens;
  gsize       max_length;
} ColumnProfile;

static void
value_count_free (gpointer data)
{
  ValueCount *vc = data;

  g_free (vc->value);
  g_free (vc);
}

static void
profile_column (const FeCsvTable *table,
                guint             column,
                ColumnProfile    *profile)
{
  guint n_rows = fe_csv_table_get_n_rows (table);

  profile->counts = g_hash_table_new (g_str_hash, g_str_equal);
  profile->distinct = g_ptr_array_new_with_free_func (value_count_free);
  profile->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  profile->min_integer = G_MAXINT64;
  profile->max_integer = G_MININT64;

  for (guint row = 0; row < n_rows; row++)
    {
      const char *cell = fe_csv_table_get_cell (table, row, column);
      ValueCount *vc;
      gint64 number;

      if (*cell == '\0')
        continue;

      profile->n_answered++;
      profile->max_length = MAX (profile->max_length, strlen (cell));
      if (parse_integer (cell, &number))
        {
          profile->n_integers++;
          profile->min_integer = MIN (profile->min_integer, number);
          profile->max_integer = MAX (profile->max_integer, number);
        }

      vc = g_hash_table_lookup (profile->counts, cell);
      if (vc == NULL)
        {
          vc = g_new0 (ValueCount, 1);
          vc->value = g_strdup (cell);
          vc->first_row = row;
          g_ptr_array_add (profile->distinct, vc);
          g_hash_table_insert (profile->counts, vc->value, vc);
        }
      vc->count++;

      if (strchr (cell, ';') != NULL)
        profile->n_with_separator++;
      {
        g_auto(GStrv) tokens = g_strsplit (cell, ";", -1);

        for (guint t = 0; tokens[t] != NULL; t++)
          {
            char *token = g_strstrip (tokens[t]);

            if (*token == '\0')
              continue;
            profile->n_tokens++;
            g_hash_table_insert (profile->tokens, g_strdup (token),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                   g_hash_table_lookup (profile->tokens, token)) + 1));
          }
      }
    }
}

static void
profile_clear (ColumnProfile *profile)
{
  g_hash_table_unref (profile->counts);
  g_ptr_array_unref (profile->distinct);
  g_hash_table_unref (profile->tokens);
}

static GPtrArray *
distinct_values (ColumnProfile *profile)
{
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; i < profile->distinct->len; i++)
    g_ptr_array_add (values, ((ValueCount *) g_ptr_array_index (profile->distinct, i))->value);
  return values;
}

static GPtrArray *
levels_by (ColumnProfile *profile,
           GCompareFunc   compare)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (profile->distinct->len);
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < profile->distinct->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (profile->distinct, i));

  g_ptr_array_sort (sorted, compare);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (levels, g_strdup (((ValueCount *) g_ptr_array_index (sorted, i))->value));
  return levels;
}

static int
compare_tokens_by_count (gconstpointer a,
                         gconstpointer b,
                         gpointer      counts)
{
  const char *ta = *(const char * const *) a;
  const char *tb = *(const char * const *) b;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ta));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tb));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return g_utf8_collate (ta, tb);
}

static GPtrArray *
token_levels (ColumnProfile *profile)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new ();
  GPtrArray *levels = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer token;

  g_hash_table_iter_init (&iter, profile->tokens);
  while (g_hash_table_iter_next (&iter, &token, NULL))
    g_ptr_array_add (tokens, token);

  g_ptr_array_sort_with_data (tokens, compare_tokens_by_count, profile->tokens);
  for (guint i = 0; i < tokens->len; i++)
    g_ptr_array_add (levels, g_strdup (g_ptr_array_index (tokens, i)));
  return levels;
}

static gboolean
name_suggests (const char         *name,
               const char * const *words)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

FeRole
fe_role_infer (const FeCsvTable  *table,
               guint              column,
               gboolean           id_taken,
               GPtrArray        **levels)
{
  static const char * const consent_words[] = { "consent", NULL };
  const char *name = fe_csv_table_get_header (table, column);
  ColumnProfile profile = { 0 };
  g_autoptr(GPtrArray) values = NULL;
  guint n_distinct;
  FeRole role;

  *levels = NULL;
  profile_column (table, column, &profile);
  n_distinct = profile.distinct->len;
  values = distinct_values (&profile);

  if (profile.n_answered == 0)
    role = FE_ROLE_IGNORE;
  else if (n_distinct <= 2 && name_suggests (name, consent_words))
    role = FE_ROLE_IGNORE;
  else if (!id_taken && profile.n_integers == profile.n_answered
           && n_distinct == profile.n_answered && n_distinct > 1)
    role = FE_ROLE_ID;
  else if ((*levels = fe_likert_order (values)) != NULL)
    role = FE_ROLE_ORDINAL;
  else if ((*levels = order_by_scale (yes_no, values, TRUE)) != NULL)
    role = FE_ROLE_CHOICE;
  else if (profile.n_integers == profile.n_answered && profile.min_integer >= 0
           && profile.max_integer <= 10 && n_distinct > 2)
    {
      role = FE_ROLE_ORDINAL;
      *levels = levels_by (&profile, compare_numerically);
    }
  else if (profile.n_with_separator * 5 >= profile.n_answered
           && g_hash_table_size (profile.tokens) <= 60
           && g_hash_table_size (profile.tokens) * 10 <= profile.n_tokens * 7)
    {
      role = FE_ROLE_MULTI;
      *levels = token_levels (&profile);
    }
  else if (n_distinct <= 30 && profile.max_length <= 80
           && (n_distinct * 2 <= profile.n_answered
               || (n_distinct < profile.n_answered && profile.n_answered <= 20)))
    {
      role = FE_ROLE_ATTRIBUTE;
      *levels = levels_by (&profile, profile.n_integers == profile.n_answered
                                       ? compare_numerically : compare_by_frequency);
    }
  else
    role = FE_ROLE_TEXT;

  profile_clear (&profile);
  return role;
}
