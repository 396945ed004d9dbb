/* Shared parts of boilerstrip._speedups, the compiled twins of boilerstrip's per-character
 * and per-line work (see boilerstrip/compiled.py).
 *
 * Each twin returns exactly what the Python function it mirrors returns; the speedups tests
 * compare them on random text, the fixture pages and every line of the data sets, and the
 * library runs the Python code where this module was not built. One file per stage, as the
 * Python modules are: text.c (normalize, lower), words.c (stats), blocks.c (document building
 * and the line split), language.c, vocabulary.c (filters.base), prose.c, sentences.c
 * (filters.duplicates), module.c (the module and configure()).
 *
 * Which characters make words is not decided here: stats.py hands over a table built from
 * the `regex` module's own Unicode classes, so both paths agree whatever Unicode version
 * `regex` has. The table covers the Basic Multilingual Plane; a line with a character beyond
 * it is handed to the Python code, and so is a CJK line's measure.
 */
#ifndef BOILERSTRIP_SPEEDUPS_H
#define BOILERSTRIP_SPEEDUPS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Bumped whenever these functions change: boilerstrip.compiled refuses a build of another
 * version, so a stale compiled module left in a source tree cannot shadow newer Python code. */
#define SPEEDUPS_VERSION 8

/* Bits of the word table: a character that may make a word ([\p{L}\p{N}\p{M}]), and one that
 * may follow an apostrophe inside a word ([\p{L}\p{M}]). */
#define WORD_CHAR 1
#define INNER_CHAR 2
#define TABLE_SIZE 0x10000
/* Where a Block (boilerstrip.blocks.Block) keeps its fields: configure() checks the names. */
#define BLOCK_FIELDS 10
#define BLOCK_INDEX 0
#define BLOCK_STATS 7
#define BLOCK_WORDS 8
#define STATS_FIELDS 8
/* words_of's quick path: a line this short of letters and spaces (stats._PLAIN_LINE_CHARS). */
#define PLAIN_LINE_CHARS 60

typedef struct {
    PyObject *word_table; /* bytes of TABLE_SIZE, or NULL until configure() */
    PyObject *stats_type; /* boilerstrip.blocks.TextStats */
    PyObject *block_type; /* boilerstrip.blocks.Block */
    PyObject *python_words_of; /* stats.python_words_of, for lines beyond the table */
    PyObject *python_measure;  /* stats.python_measure, for CJK lines */
    PyObject *str_lower;  /* the str.lower method descriptor */
    PyObject *empty_tuple;
    PyObject *empty_str;
} module_state;

static inline module_state *
get_state(PyObject *module)
{
    return (module_state *)PyModule_GetState(module);
}

/* --- characters that more than one stage looks for ------------------------------------------ */

static inline int
is_apostrophe(Py_UCS4 c)
{
    return c == '\'' || c == 0x2019;
}

static inline int
is_sentence_punct(Py_UCS4 c)
{
    /* [.!?。！？…] */
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F
           || c == 0x2026;
}

static inline int
is_closer(Py_UCS4 c)
{
    /* ["'”’»)\]] */
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == ')'
           || c == ']';
}

/* --- helpers shared between the files ------------------------------------------------------- */

/* 1 for a str; else 0 with a TypeError saying `function` takes a str and what it got. */
static inline int
is_str_argument(PyObject *argument, const char *function)
{
    if (!PyUnicode_Check(argument)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a str, got %.100s", function,
                     Py_TYPE(argument)->tp_name);
        return 0;
    }
#if PY_VERSION_HEX < 0x030C0000
    /* A str made by the deprecated wide-character C API is read only once it is ready
     * (every str Python code makes is). */
    if (PyUnicode_READY(argument) < 0) {
        return 0;
    }
#endif
    return 1;
}

/* A tuple of the tuple subclass `type` (a named tuple) holding `fields`, whose references it
 * takes, as tuple.__new__(type, fields) builds it but not tracked by the cyclic GC (its
 * fields must not be able to lead back to it); NULL, with every field released, when a
 * field is NULL or memory runs out (module.c). */
PyObject *speedups_named_tuple(PyObject *type, PyObject **fields, Py_ssize_t count);
/* Whether instances of `type` have no __dict__, which speedups_named_tuple's untracking
 * needs (an attribute could lead back to the object); if not, a TypeError naming
 * `function` (module.c). */
int speedups_without_dict(PyObject *type, const char *function);
/* Whether configure() was called; if not, a RuntimeError naming `function` (module.c). */
int speedups_configured(module_state *state, const char *function);
/* words_of() (words.c). */
PyObject *speedups_words_of(PyObject *module, PyObject *text);
/* The TypeError of measure() unless its first four arguments have the right types, and the
 * TextStats of a non-CJK line with them (words.c). */
int speedups_check_measure_types(PyObject *text, PyObject *initials, PyObject *lowered,
                                 PyObject *stopwords);
PyObject *speedups_measure_words(module_state *state, PyObject *text, PyObject *initials,
                                 PyObject *lowered, PyObject *stopwords, int plain);
/* lower() (text.c). */
PyObject *speedups_lower(PyObject *module, PyObject *text);

/* Each file's functions, added to the module by module.c. */
extern PyMethodDef speedups_text_methods[];
extern PyMethodDef speedups_words_methods[];
extern PyMethodDef speedups_blocks_methods[];
extern PyMethodDef speedups_language_methods[];
extern PyMethodDef speedups_vocabulary_methods[];
extern PyMethodDef speedups_prose_methods[];
extern PyMethodDef speedups_sentences_methods[];

#endif
