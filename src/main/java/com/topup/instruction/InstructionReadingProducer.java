package com.topup.instruction;

import com.topup.carrier.CarrierService;
import com.topup.carrier.ProductCatalogue;
import com.topup.instruction.reading.DeterministicInterpreter;
import com.topup.instruction.reading.InstructionInterpreter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The interpreter and the pricer of the application: the carrier lookup and the live product catalogue. */
public class InstructionReadingProducer {

    @Produces
    @Singleton
    InstructionInterpreter interpreter() {
        return new DeterministicInterpreter();
    }

    @Produces
    @Singleton
    InstructionPricer pricer(CarrierService carriers, ProductCatalogue catalogue) {
        return new InstructionPricer(carriers::lookup, catalogue::faceValues);
    }
}
