#include "pricing/costengine.h"
