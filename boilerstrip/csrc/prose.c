/* prose: the prose score of every block. */
#include "speedups.h"
#include <math.h>

/* prose's constants, in the order prose.COEFFICIENTS lists them. */
enum {
    BIAS, PER_WORD, WORD_CAP, STOPWORD_GAIN, STOPWORD_PIVOT, SENTENCE_END_GAIN, COMMA_GAIN,
    CAPITALISED_PENALTY, CAPITALISED_SHARE, DIGIT_PENALTY, NEUTRAL_STOPWORD_SHARE, WEIGHT_CAP,
    WEIGHT_FLOOR, COEFFICIENT_COUNT
};

/* An integer field of a TextStats, as a C long long (-1 with an exception on error). */
static long long
stats_field(PyObject *stats, Py_ssize_t position)
{
    return PyLong_AsLongLong(PyTuple_GET_ITEM(stats, position));
}

/* prose.score_stats of one block's stats: the same operations in the same order on doubles
 * (setup.py turns off fused multiply-add, which would round differently), exp() from the
 * same C library as math.exp. */
static PyObject *
score_of(PyObject *stats, int has_stopwords, const double *c, PyObject *score_type,
         PyObject *empty_score)
{
    long long words, stopwords, capitalised, digits;
    int ends, comma;
    double share, z, likelihood, weight;
    if (!PyTuple_Check(stats) || PyTuple_GET_SIZE(stats) != STATS_FIELDS) {
        PyErr_SetString(PyExc_TypeError, "a block's stats are not a TextStats");
        return NULL;
    }
    /* Read as score_stats reads them: the word count first, the rest only for words. */
    if ((words = stats_field(stats, 0)) == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (words == 0) {
        return Py_NewRef(empty_score);
    }
    if (((stopwords = stats_field(stats, 2)) == -1 && PyErr_Occurred())
        || ((capitalised = stats_field(stats, 4)) == -1 && PyErr_Occurred())
        || ((digits = stats_field(stats, 5)) == -1 && PyErr_Occurred())
        || (ends = PyObject_IsTrue(PyTuple_GET_ITEM(stats, 6))) < 0
        || (comma = PyObject_IsTrue(PyTuple_GET_ITEM(stats, 7))) < 0) {
        return NULL;
    }
    share = has_stopwords ? (double)stopwords / (double)words : c[NEUTRAL_STOPWORD_SHARE];
    z = c[BIAS] + c[PER_WORD] * (double)(words < c[WORD_CAP] ? words : (long long)c[WORD_CAP])
        + c[STOPWORD_GAIN] * (share - c[STOPWORD_PIVOT]) + (ends ? c[SENTENCE_END_GAIN] : 0.0)
        + (comma ? c[COMMA_GAIN] : 0.0);
    if (words > 3 && (double)capitalised / (double)words > c[CAPITALISED_SHARE]) {
        z -= c[CAPITALISED_PENALTY];
    }
    z -= c[DIGIT_PENALTY] * ((double)digits / (double)words);
    likelihood = exp(-z);
    if (isinf(likelihood)) {
        /* As math.exp reports it (only stats no page has, more digits than words, get here). */
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return NULL;
    }
    likelihood = 1.0 / (1.0 + likelihood);
    weight = (likelihood - 0.5) * 2.0
             * (double)((words < c[WEIGHT_CAP] ? words : (long long)c[WEIGHT_CAP])
                        + (long long)c[WEIGHT_FLOOR]);
    {
        PyObject *fields[2] = {PyFloat_FromDouble(likelihood), PyFloat_FromDouble(weight)};
        return speedups_named_tuple(score_type, fields, 2);
    }
}

PyDoc_STRVAR(prose_scores_doc,
             "prose_scores(coefficients, score_type, empty_score, blocks, has_stopwords, /)\n"
             "--\n\n"
             "prose.python_prose_scores(blocks, has_stopwords), given prose's constants,\n"
             "ProseScore and the score of a block without words.");

static PyObject *
prose_scores(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    double coefficients[COEFFICIENT_COUNT];
    PyObject *blocks, *scores, *by_stats;
    int has_stopwords;
    if (nargs != 5 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != COEFFICIENT_COUNT
        || !PyType_Check(args[1])
        || !PyType_IsSubtype((PyTypeObject *)args[1], &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "prose_scores() takes (13 coefficients, ProseScore, "
                        "ProseScore, sequence of blocks, bool)");
        return NULL;
    }
    for (int i = 0; i < COEFFICIENT_COUNT; i++) {
        coefficients[i] = PyFloat_AsDouble(PyTuple_GET_ITEM(args[0], i));
        if (coefficients[i] == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if ((has_stopwords = PyObject_IsTrue(args[4])) < 0) {
        return NULL;
    }
    if (!speedups_without_dict(args[1], "prose_scores")) {
        return NULL;
    }
    /* A tuple of its own: hashing the stats (a dict key below) may run Python code that
     * changes a list while it is read. The tuple holds each block, and a block its stats. */
    blocks = PySequence_Tuple(args[3]);
    if (blocks == NULL) {
        return NULL;
    }
    /* One score per distinct stats, shared by the blocks that have them, as the Python code
     * does: a score is a named tuple, which the cyclic GC tracks for as long as it lives,
     * and pages of one-word lines have millions of blocks with a handful of stats. */
    by_stats = PyDict_New();
    scores = by_stats == NULL ? NULL : PyList_New(PyTuple_GET_SIZE(blocks));
    for (Py_ssize_t i = 0; scores != NULL && i < PyTuple_GET_SIZE(blocks); i++) {
        PyObject *block = PyTuple_GET_ITEM(blocks, i), *stats, *score;
        if (!PyTuple_Check(block) || PyTuple_GET_SIZE(block) != BLOCK_FIELDS) {
            PyErr_SetString(PyExc_TypeError, "prose_scores() takes Blocks");
            Py_CLEAR(scores);
            break;
        }
        stats = PyTuple_GET_ITEM(block, BLOCK_STATS);
        score = PyDict_GetItemWithError(by_stats, stats);
        if (score != NULL) {
            Py_INCREF(score);
        }
        else if (PyErr_Occurred()
                 || (score = score_of(stats, has_stopwords, coefficients, args[1], args[2]))
                        == NULL
                 || PyDict_SetItem(by_stats, stats, score) < 0) {
            Py_XDECREF(score);
            Py_CLEAR(scores);
            break;
        }
        PyList_SET_ITEM(scores, i, score);
    }
    Py_XDECREF(by_stats);
    Py_DECREF(blocks);
    return scores;
}

PyMethodDef speedups_prose_methods[] = {
    {"prose_scores", (PyCFunction)(void (*)(void))prose_scores, METH_FASTCALL, prose_scores_doc},
    {NULL, NULL, 0, NULL},
};
