/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Reservation</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.Reservation#getHolder <em>Holder</em>}</li>
 *   <li>{@link io.lockstep.model.Reservation#getType <em>Type</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getReservation()
 * @model
 * @generated
 */
public interface Reservation extends EObject {
	/**
	 * Returns the value of the '<em><b>Holder</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Holder</em>' attribute.
	 * @see #setHolder(String)
	 * @see io.lockstep.model.LockstepPackage#getReservation_Holder()
	 * @model
	 * @generated
	 */
	String getHolder();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Reservation#getHolder <em>Holder</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Holder</em>' attribute.
	 * @see #getHolder()
	 * @generated
	 */
	void setHolder(String value);

	/**
	 * Returns the value of the '<em><b>Type</b></em>' attribute.
	 * The literals are from the enumeration {@link io.lockstep.model.ReservationType}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Type</em>' attribute.
	 * @see io.lockstep.model.ReservationType
	 * @see #setType(ReservationType)
	 * @see io.lockstep.model.LockstepPackage#getReservation_Type()
	 * @model
	 * @generated
	 */
	ReservationType getType();

	/**
	 * Sets the value of the '{@link io.lockstep.model.Reservation#getType <em>Type</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Type</em>' attribute.
	 * @see io.lockstep.model.ReservationType
	 * @see #getType()
	 * @generated
	 */
	void setType(ReservationType value);

} // Reservation
