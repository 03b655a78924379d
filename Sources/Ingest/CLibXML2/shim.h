// libxml2's SAX2 push parser, for the JUnit XML reader in CTaskColumns.
#include <libxml/parser.h>
