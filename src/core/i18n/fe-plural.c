/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Plural-Forms expression of a gettext catalogue, parsed by recursive descent into a small
 * tree held in one array, with bounds on its length, its nodes and its depth, so that a
 * corrupt or hostile catalogue can make it refuse but never loop, overflow or recurse
 * without end. Its errors are for developers, as the catalogue's are (fe-catalog.c), and not
 * translated. */
#include "config.h"

#include "fe-plural.h"

#include <string.h>


#define MAX_EXPRESSION 1024  /* characters */
#define MAX_NODES      256
#define MAX_DEPTH      64
#define MAX_FORMS      256

typedef enum
{
  OP_N,
  OP_NUMBER,
  OP_NOT,
  OP_MUL, OP_DIV, OP_MOD,
  OP_ADD, OP_SUB,
  OP_LT, OP_GT, OP_LE, OP_GE,
  OP_EQ, OP_NE,
  OP_AND, OP_OR,
  OP_COND,
} Op;

typedef struct
{
  Op     op;
  gulong value;    /* OP_NUMBER */
  gint16 a, b, c;  /* operands, indices into nodes; -1: none */
} Node;

struct _FePluralRule
{
  guint n_forms;
  guint n_nodes;
  int   root;
  Node  nodes[MAX_NODES];
};

typedef struct
{
  const char   *p;
  const char   *end;
  FePluralRule *rule;
  guint         depth;
  gboolean      failed;
} Parser;

G_DEFINE_QUARK (fe-plural-error-quark, fe_plural_error)

static void
skip_space (Parser *ps)
{
  while (ps->p < ps->end && g_ascii_isspace (*ps->p))
    ps->p++;
}

/* Takes @token when it comes next (after spaces). */
static gboolean
accept (Parser     *ps,
        const char *token)
{
  gsize length = strlen (token);

  skip_space (ps);
  if ((gsize) (ps->end - ps->p) < length || memcmp (ps->p, token, length) != 0)
    return FALSE;
  /* "<" is not the start of "<=", nor "!" of "!=", nor "=" alone anything. */
  if (length == 1 && (*token == '<' || *token == '>' || *token == '!')
      && ps->p + 1 < ps->end && ps->p[1] == '=')
    return FALSE;
  if (length == 1 && (*token == '&' || *token == '|'))
    return FALSE;
  ps->p += length;
  return TRUE;
}

static int
add_node (Parser *ps,
          Op      op,
          int     a,
          int     b,
          int     c)
{
  Node *node;

  if (ps->failed || ps->rule->n_nodes >= MAX_NODES)
    {
      ps->failed = TRUE;
      return -1;
    }
  node = &ps->rule->nodes[ps->rule->n_nodes];
  node->op = op;
  node->value = 0;
  node->a = (gint16) a;
  node->b = (gint16) b;
  node->c = (gint16) c;
  return (int) ps->rule->n_nodes++;
}

static int parse_conditional (Parser *ps);

static int
parse_primary (Parser *ps)
{
  skip_space (ps);
  if (ps->failed || ps->p >= ps->end)
    {
      ps->failed = TRUE;
      return -1;
    }
  if (*ps->p == 'n')
    {
      ps->p++;
      /* "n" alone, not the start of a word ("nplurals"). */
      if (ps->p < ps->end && (g_ascii_isalnum (*ps->p) || *ps->p == '_'))
        {
          ps->failed = TRUE;
          return -1;
        }
      return add_node (ps, OP_N, -1, -1, -1);
    }
  if (g_ascii_isdigit (*ps->p))
    {
      gulong value = 0;
      int node;

      while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
        {
          if (value > (G_MAXULONG - 9) / 10)
            {
              ps->failed = TRUE;
              return -1;
            }
          value = value * 10 + (gulong) (*ps->p - '0');
          ps->p++;
        }
      node = add_node (ps, OP_NUMBER, -1, -1, -1);
      if (node >= 0)
        ps->rule->nodes[node].value = value;
      return node;
    }
  if (accept (ps, "("))
    {
      int inner = parse_conditional (ps);

      if (!accept (ps, ")"))
        ps->failed = TRUE;
      return ps->failed ? -1 : inner;
    }
  ps->failed = TRUE;
  return -1;
}

static int
parse_unary (Parser *ps)
{
  int operand;

  if (!accept (ps, "!"))
    return parse_primary (ps);
  if (++ps->depth > MAX_DEPTH)
    {
      ps->failed = TRUE;
      return -1;
    }
  operand = parse_unary (ps);
  ps->depth--;
  return add_node (ps, OP_NOT, operand, -1, -1);
}

typedef struct
{
  const char *token;
  Op          op;
} Binary;

/* One level of left-associative binary operators, over the next level @next. */
static int
parse_binary (Parser        *ps,
              const Binary  *ops,
              guint          n_ops,
              int          (*next) (Parser *))
{
  int left = next (ps);

  while (!ps->failed)
    {
      const Binary *found = NULL;

      for (guint i = 0; i < n_ops && found == NULL; i++)
        if (accept (ps, ops[i].token))
          found = &ops[i];
      if (found == NULL)
        break;
      left = add_node (ps, found->op, left, next (ps), -1);
    }
  return ps->failed ? -1 : left;
}

static int
parse_multiplicative (Parser *ps)
{
  static const Binary ops[] = { { "*", OP_MUL }, { "/", OP_DIV }, { "%", OP_MOD } };

  return parse_binary (ps, ops, G_N_ELEMENTS (ops), parse_unary);
}

static int
parse_additive (Parser *ps)
{
  static const Binary ops[] = { { "+", OP_ADD }, { "-", OP_SUB } };

  return parse_binary (ps, ops, G_N_ELEMENTS (ops), parse_multiplicative);
}

static int
parse_relational (Parser *ps)
{
  static const Binary ops[] = { { "<=", OP_LE }, { ">=", OP_GE }, { "<", OP_LT },
                                { ">", OP_GT } };

  return parse_binary (ps, ops, G_N_ELEMENTS (ops), parse_additive);
}

static int
parse_equality (Parser *ps)
{
  static const Binary ops[] = { { "==", OP_EQ }, { "!=", OP_NE } };

  return parse_binary (ps, ops, G_N_ELEMENTS (ops), parse_relational);
}

static int
parse_and (Parser *ps)
{
  static const Binary ops[] = { { "&&", OP_AND } };

  return parse_binary (ps, ops, G_N_ELEMENTS (ops), parse_equality);
}

static int
parse_or (Parser *ps)
{
  static const Binary ops[] = { { "||", OP_OR } };

  return parse_binary (ps, ops, G_N_ELEMENTS (ops), parse_and);
}

/* a ? b : c, right-associative. */
static int
parse_conditional (Parser *ps)
{
  int condition, then, otherwise;

  if (++ps->depth > MAX_DEPTH)
    {
      ps->failed = TRUE;
      return -1;
    }
  condition = parse_or (ps);
  if (!ps->failed && accept (ps, "?"))
    {
      then = parse_conditional (ps);
      if (!accept (ps, ":"))
        ps->failed = TRUE;
      otherwise = ps->failed ? -1 : parse_conditional (ps);
      condition = add_node (ps, OP_COND, condition, then, otherwise);
    }
  ps->depth--;
  return ps->failed ? -1 : condition;
}

FePluralRule *
fe_plural_rule_new (const char  *expression,
                    guint        n_forms,
                    GError     **error)
{
  g_autoptr(FePluralRule) rule = NULL;
  Parser ps = { 0 };
  gsize length;

  g_return_val_if_fail (expression != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  length = strnlen (expression, MAX_EXPRESSION + 1);
  if (n_forms == 0 || n_forms > MAX_FORMS || length > MAX_EXPRESSION)
    {
      g_set_error (error, FE_PLURAL_ERROR, FE_PLURAL_ERROR_PARSE,
                   "The plural rule is too long or has too many forms.");
      return NULL;
    }
  rule = g_new0 (FePluralRule, 1);
  rule->n_forms = n_forms;
  ps.p = expression;
  ps.end = expression + length;
  ps.rule = rule;
  rule->root = parse_conditional (&ps);
  skip_space (&ps);
  /* A header's rule ends at its ";". */
  if (ps.p < ps.end && *ps.p == ';')
    ps.p++;
  skip_space (&ps);
  if (ps.failed || rule->root < 0 || ps.p != ps.end)
    {
      g_set_error (error, FE_PLURAL_ERROR, FE_PLURAL_ERROR_PARSE,
                   "The plural rule “%s” could not be read.", expression);
      return NULL;
    }
  return g_steal_pointer (&rule);
}

FePluralRule *
fe_plural_rule_new_from_header (const char  *plural_forms,
                                GError     **error)
{
  const char *nplurals, *plural;
  gulong n_forms = 0;
  char *end = NULL;

  g_return_val_if_fail (plural_forms != NULL, NULL);

  nplurals = strstr (plural_forms, "nplurals");
  plural = strstr (plural_forms, "plural=");
  /* "nplurals=" contains "plural=": find the one that is not part of it. */
  while (plural != NULL && plural > plural_forms && plural[-1] == 'n')
    plural = strstr (plural + 1, "plural=");
  if (nplurals != NULL)
    {
      nplurals += strlen ("nplurals");
      while (g_ascii_isspace (*nplurals))
        nplurals++;
      if (*nplurals == '=')
        n_forms = strtoul (nplurals + 1, &end, 10);
    }
  if (nplurals == NULL || plural == NULL || end == NULL || n_forms == 0 || n_forms > MAX_FORMS)
    {
      g_set_error (error, FE_PLURAL_ERROR, FE_PLURAL_ERROR_PARSE,
                   "The catalogue’s Plural-Forms “%s” could not be read.", plural_forms);
      return NULL;
    }
  {
    const char *start = plural + strlen ("plural=");
    const char *stop = strchr (start, ';');
    g_autofree char *expression = stop != NULL ? g_strndup (start, (gsize) (stop - start))
                                               : g_strdup (start);

    /* The header's value runs to its line's end. */
    expression[strcspn (expression, "\n")] = '\0';
    return fe_plural_rule_new (expression, (guint) n_forms, error);
  }
}

FePluralRule *
fe_plural_rule_new_germanic (void)
{
  return fe_plural_rule_new ("n != 1", 2, NULL);
}

void
fe_plural_rule_free (FePluralRule *rule)
{
  g_free (rule);
}

guint
fe_plural_rule_get_n_forms (const FePluralRule *rule)
{
  g_return_val_if_fail (rule != NULL, 1);

  return rule->n_forms;
}

/* Each node's operands come before it in the array (they were parsed first), so a tree built
 * by the parser is evaluated in at most MAX_DEPTH-bounded recursion. */
static gulong
eval_node (const FePluralRule *rule,
           int                 index,
           gulong              n,
           gboolean           *undefined)
{
  const Node *node;
  gulong a, b;

  if (index < 0 || (guint) index >= rule->n_nodes)
    {
      *undefined = TRUE;
      return 0;
    }
  node = &rule->nodes[index];
  switch (node->op)
    {
    case OP_N:
      return n;
    case OP_NUMBER:
      return node->value;
    case OP_NOT:
      return !eval_node (rule, node->a, n, undefined);
    case OP_AND:
      return eval_node (rule, node->a, n, undefined) && eval_node (rule, node->b, n, undefined);
    case OP_OR:
      return eval_node (rule, node->a, n, undefined) || eval_node (rule, node->b, n, undefined);
    case OP_COND:
      return eval_node (rule, node->a, n, undefined) ? eval_node (rule, node->b, n, undefined)
                                                     : eval_node (rule, node->c, n, undefined);
    default:
      break;
    }
  a = eval_node (rule, node->a, n, undefined);
  b = eval_node (rule, node->b, n, undefined);
  switch (node->op)
    {
    case OP_MUL: return a * b;
    case OP_DIV:
    case OP_MOD:
      if (b == 0)
        {
          *undefined = TRUE;
          return 0;
        }
      return node->op == OP_DIV ? a / b : a % b;
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_LT: return a < b;
    case OP_GT: return a > b;
    case OP_LE: return a <= b;
    case OP_GE: return a >= b;
    case OP_EQ: return a == b;
    case OP_NE: return a != b;
    default:
      *undefined = TRUE;
      return 0;
    }
}

guint
fe_plural_rule_eval (const FePluralRule *rule,
                     gulong              n)
{
  gboolean undefined = FALSE;
  gulong form;

  g_return_val_if_fail (rule != NULL, 0);

  form = eval_node (rule, rule->root, n, &undefined);
  if (undefined || form >= rule->n_forms)
    return 0;
  return (guint) form;
}
