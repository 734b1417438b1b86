/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.common.util.Enumerator;

/**
 * <!-- begin-user-doc -->
 * A representation of the literals of the enumeration '<em><b>Reservation Type</b></em>',
 * and utility methods for working with them.
 * <!-- end-user-doc -->
 * @see io.lockstep.model.LockstepPackage#getReservationType()
 * @model
 * @generated
 */
public enum ReservationType implements Enumerator {
	/**
	 * The '<em><b>SCSI2</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #SCSI2_VALUE
	 * @generated
	 * @ordered
	 */
	SCSI2(0, "SCSI2", "scsi2"),

	/**
	 * The '<em><b>WRITE EXCLUSIVE</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #WRITE_EXCLUSIVE_VALUE
	 * @generated
	 * @ordered
	 */
	WRITE_EXCLUSIVE(1, "WRITE_EXCLUSIVE", "writeExclusive"),

	/**
	 * The '<em><b>EXCLUSIVE ACCESS</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #EXCLUSIVE_ACCESS_VALUE
	 * @generated
	 * @ordered
	 */
	EXCLUSIVE_ACCESS(2, "EXCLUSIVE_ACCESS", "exclusiveAccess"),

	/**
	 * The '<em><b>WRITE EXCLUSIVE REGISTRANTS ONLY</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #WRITE_EXCLUSIVE_REGISTRANTS_ONLY_VALUE
	 * @generated
	 * @ordered
	 */
	WRITE_EXCLUSIVE_REGISTRANTS_ONLY(3, "WRITE_EXCLUSIVE_REGISTRANTS_ONLY", "writeExclusiveRegistrantsOnly"),

	/**
	 * The '<em><b>EXCLUSIVE ACCESS REGISTRANTS ONLY</b></em>' literal object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #EXCLUSIVE_ACCESS_REGISTRANTS_ONLY_VALUE
	 * @generated
	 * @ordered
	 */
	EXCLUSIVE_ACCESS_REGISTRANTS_ONLY(4, "EXCLUSIVE_ACCESS_REGISTRANTS_ONLY", "exclusiveAccessRegistrantsOnly");

	/**
	 * The '<em><b>SCSI2</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #SCSI2
	 * @model literal="scsi2"
	 * @generated
	 * @ordered
	 */
	public static final int SCSI2_VALUE = 0;

	/**
	 * The '<em><b>WRITE EXCLUSIVE</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #WRITE_EXCLUSIVE
	 * @model literal="writeExclusive"
	 * @generated
	 * @ordered
	 */
	public static final int WRITE_EXCLUSIVE_VALUE = 1;

	/**
	 * The '<em><b>EXCLUSIVE ACCESS</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #EXCLUSIVE_ACCESS
	 * @model literal="exclusiveAccess"
	 * @generated
	 * @ordered
	 */
	public static final int EXCLUSIVE_ACCESS_VALUE = 2;

	/**
	 * The '<em><b>WRITE EXCLUSIVE REGISTRANTS ONLY</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #WRITE_EXCLUSIVE_REGISTRANTS_ONLY
	 * @model literal="writeExclusiveRegistrantsOnly"
	 * @generated
	 * @ordered
	 */
	public static final int WRITE_EXCLUSIVE_REGISTRANTS_ONLY_VALUE = 3;

	/**
	 * The '<em><b>EXCLUSIVE ACCESS REGISTRANTS ONLY</b></em>' literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #EXCLUSIVE_ACCESS_REGISTRANTS_ONLY
	 * @model literal="exclusiveAccessRegistrantsOnly"
	 * @generated
	 * @ordered
	 */
	public static final int EXCLUSIVE_ACCESS_REGISTRANTS_ONLY_VALUE = 4;

	/**
	 * An array of all the '<em><b>Reservation Type</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private static final ReservationType[] VALUES_ARRAY =
		new ReservationType[] {
			SCSI2,
			WRITE_EXCLUSIVE,
			EXCLUSIVE_ACCESS,
			WRITE_EXCLUSIVE_REGISTRANTS_ONLY,
			EXCLUSIVE_ACCESS_REGISTRANTS_ONLY,
		};

	/**
	 * A public read-only list of all the '<em><b>Reservation Type</b></em>' enumerators.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public static final List<ReservationType> VALUES = Collections.unmodifiableList(Arrays.asList(VALUES_ARRAY));

	/**
	 * Returns the '<em><b>Reservation Type</b></em>' literal with the specified literal value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param literal the literal.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static ReservationType get(String literal) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			ReservationType result = VALUES_ARRAY[i];
			if (result.toString().equals(literal)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Reservation Type</b></em>' literal with the specified name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param name the name.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static ReservationType getByName(String name) {
		for (int i = 0; i < VALUES_ARRAY.length; ++i) {
			ReservationType result = VALUES_ARRAY[i];
			if (result.getName().equals(name)) {
				return result;
			}
		}
		return null;
	}

	/**
	 * Returns the '<em><b>Reservation Type</b></em>' literal with the specified integer value.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the integer value.
	 * @return the matching enumerator or <code>null</code>.
	 * @generated
	 */
	public static ReservationType get(int value) {
		switch (value) {
			case SCSI2_VALUE: return SCSI2;
			case WRITE_EXCLUSIVE_VALUE: return WRITE_EXCLUSIVE;
			case EXCLUSIVE_ACCESS_VALUE: return EXCLUSIVE_ACCESS;
			case WRITE_EXCLUSIVE_REGISTRANTS_ONLY_VALUE: return WRITE_EXCLUSIVE_REGISTRANTS_ONLY;
			case EXCLUSIVE_ACCESS_REGISTRANTS_ONLY_VALUE: return EXCLUSIVE_ACCESS_REGISTRANTS_ONLY;
		}
		return null;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final int value;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String name;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private final String literal;

	/**
	 * Only this class can construct instances.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	private ReservationType(int value, String name, String literal) {
		this.value = value;
		this.name = name;
		this.literal = literal;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getValue() {
	  return value;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getName() {
	  return name;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getLiteral() {
	  return literal;
	}

	/**
	 * Returns the literal value of the enumerator, which is its string representation.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		return literal;
	}
	
} //ReservationType
