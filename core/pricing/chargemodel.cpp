#include "pricing/chargemodel.h"
