#include "pricing/pricebook.h"
