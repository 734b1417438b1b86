/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Datacenter</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.Datacenter#getHosts <em>Hosts</em>}</li>
 *   <li>{@link io.lockstep.model.Datacenter#getDatastores <em>Datastores</em>}</li>
 *   <li>{@link io.lockstep.model.Datacenter#getVms <em>Vms</em>}</li>
 *   <li>{@link io.lockstep.model.Datacenter#getFtPairs <em>Ft Pairs</em>}</li>
 *   <li>{@link io.lockstep.model.Datacenter#getTasks <em>Tasks</em>}</li>
 *   <li>{@link io.lockstep.model.Datacenter#getEvents <em>Events</em>}</li>
 *   <li>{@link io.lockstep.model.Datacenter#getAlarms <em>Alarms</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getDatacenter()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='uniqueNames uniqueWwpns'"
 * @generated
 */
public interface Datacenter extends Named {
	/**
	 * Returns the value of the '<em><b>Hosts</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Host}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Hosts</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatacenter_Hosts()
	 * @model containment="true"
	 * @generated
	 */
	EList<Host> getHosts();

	/**
	 * Returns the value of the '<em><b>Datastores</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Datastore}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Datastores</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatacenter_Datastores()
	 * @model containment="true"
	 * @generated
	 */
	EList<Datastore> getDatastores();

	/**
	 * Returns the value of the '<em><b>Vms</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.VirtualMachine}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Vms</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatacenter_Vms()
	 * @model containment="true"
	 * @generated
	 */
	EList<VirtualMachine> getVms();

	/**
	 * Returns the value of the '<em><b>Ft Pairs</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.FtPair}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Ft Pairs</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatacenter_FtPairs()
	 * @model containment="true"
	 * @generated
	 */
	EList<FtPair> getFtPairs();

	/**
	 * Returns the value of the '<em><b>Tasks</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Task}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Tasks</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatacenter_Tasks()
	 * @model containment="true"
	 * @generated
	 */
	EList<Task> getTasks();

	/**
	 * Returns the value of the '<em><b>Events</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Event}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Events</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatacenter_Events()
	 * @model containment="true"
	 * @generated
	 */
	EList<Event> getEvents();

	/**
	 * Returns the value of the '<em><b>Alarms</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Alarm}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Alarms</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getDatacenter_Alarms()
	 * @model containment="true"
	 * @generated
	 */
	EList<Alarm> getAlarms();

} // Datacenter
